using Sixgill.Docker;
using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// The docker network <c>support_net</c> (docs/gateway.md), as <see cref="NetworkDrift"/> judges it: made
/// when absent, kept when right, replaced when Sixgill's but wrong (its containers detached first:
/// they are removed, and their own steps, which come next, create them again), never touched when
/// someone else made it (the run stops with nothing changed).
/// </summary>
internal sealed record EnsureDockerNetwork(SupportNetworkSpec Spec) : Step
{
    public override string Id => $"docker-network:{Spec.Name}";

    public override string Description => $"docker network {Spec.Name} ({Spec.Ipv6Subnet}, {Spec.Ipv4Subnet})";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var verdict = NetworkDrift.Compare(Spec, Inspect(context.RequireDocker()));
        return ProbeResult.OfDrift(verdict);
    }

    public override Undo PrepareUndo(StepContext context) => new RemoveDockerNetwork(Spec.Name);

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = Expect<RemoveDockerNetwork>(undo);
        var engine = context.RequireDocker();
        if (Inspect(engine) is { } wrong)
        {
            foreach (var container in wrong.Containers)
            {
                RemoveContainer.RemoveOwn(engine, container);
            }

            engine.RemoveNetworkAsync(Spec.Name).GetAwaiter().GetResult();
        }

        engine.CreateNetworkAsync(Spec).GetAwaiter().GetResult();
    }

    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return NetworkDrift.Compare(Spec, Inspect(context.RequireDocker())).Action is DriftAction.Keep or DriftAction.Replace
            ? new RemoveDockerNetwork(Spec.Name)
            : null;
    }

    private ObservedNetwork? Inspect(IDockerEngine engine) => engine.InspectNetworkAsync(Spec.Name).GetAwaiter().GetResult();
}

/// <summary>Removes Sixgill's docker network (its label says so); one someone else made of that name is left alone.</summary>
internal sealed record RemoveDockerNetwork(string Name) : Undo
{
    public override string Describe() => $"remove docker network {Name}";

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = context.RequireDocker();
        var network = engine.InspectNetworkAsync(Name).GetAwaiter().GetResult();
        if (network is null)
        {
            return UndoOutcome.NothingToDo($"network {Name} is gone");
        }

        if (!network.Labels.ContainsKey(DockerNames.RoleLabel))
        {
            return UndoOutcome.LeftAlone($"network {Name} has no label {DockerNames.RoleLabel}: not Sixgill's");
        }

        engine.RemoveNetworkAsync(Name).GetAwaiter().GetResult();
        return UndoOutcome.Reverted($"removed network {Name}");
    }
}
