using Sixgill.Docker;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Steps;

/// <summary>
/// One of the docker runtime's containers (docs/gateway.md), as <see cref="ContainerDrift"/> judges it: a
/// running one with the right image and settings is kept; a stopped or different one of Sixgill's is
/// removed and made anew (create, start); one someone else made of that name stops the run with
/// nothing changed. The DNS64 container is ready when it answers DNS at <paramref name="AnswersDnsAt"/>
/// (bounded).
/// </summary>
internal sealed record EnsureContainer(ContainerSpec Spec, Ip? AnswersDnsAt = null) : Step
{
    /// <summary>How long a started DNS64 container gets to answer (its entrypoint checks the config first).</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    public override string Id => $"container:{Spec.Name}";

    public override string Description => $"container {Spec.Name} from {Spec.Image} at {Spec.Ipv6Address}";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = context.RequireDocker();
        var observed = engine.InspectContainerAsync(Spec.Name).GetAwaiter().GetResult();
        var verdict = ContainerDrift.Compare(Spec, observed, observed is null ? null : engine.FindImageAsync(Spec.Image).GetAwaiter().GetResult());
        return ProbeResult.OfDrift(verdict);
    }

    public override Undo PrepareUndo(StepContext context) => new RemoveContainer(Spec.Name);

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = Expect<RemoveContainer>(undo);
        var engine = context.RequireDocker();
        RemoveContainer.RemoveOwn(engine, Spec.Name);
        engine.CreateContainerAsync(Spec).GetAwaiter().GetResult();
        engine.StartContainerAsync(Spec.Name).GetAwaiter().GetResult();
        if (AnswersDnsAt is { } address)
        {
            DaemonProcess.WaitUntilAnswers(context, $"container {Spec.Name}", address, ReadyTimeout);
        }
    }

    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var observed = context.RequireDocker().InspectContainerAsync(Spec.Name).GetAwaiter().GetResult();
        return observed is not null && RemoveContainer.IsOwn(observed) ? new RemoveContainer(Spec.Name) : null;
    }
}

/// <summary>Removes Sixgill's container of that name (running or not); one without Sixgill's label is left alone.</summary>
internal sealed record RemoveContainer(string Name) : Undo
{
    public override string Describe() => $"remove container {Name}";

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = context.RequireDocker();
        var observed = engine.InspectContainerAsync(Name).GetAwaiter().GetResult();
        if (observed is null)
        {
            return UndoOutcome.NothingToDo($"container {Name} is gone");
        }

        if (!IsOwn(observed))
        {
            return UndoOutcome.LeftAlone($"container {Name} has no label {DockerNames.RoleLabel}: not Sixgill's");
        }

        engine.RemoveContainerAsync(Name).GetAwaiter().GetResult();
        return UndoOutcome.Reverted($"removed container {Name}");
    }

    public static bool IsOwn(ObservedContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.Labels.ContainsKey(DockerNames.RoleLabel);
    }

    /// <summary>Removes the container when it is Sixgill's; refuses one that is not (a step replacing it checked that in its probe).</summary>
    public static void RemoveOwn(IDockerEngine engine, string name)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var observed = engine.InspectContainerAsync(name).GetAwaiter().GetResult();
        if (observed is null)
        {
            return;
        }

        if (!IsOwn(observed))
        {
            throw new InvalidOperationException($"container {name} has no label {DockerNames.RoleLabel}: not Sixgill's, so it is not removed");
        }

        engine.RemoveContainerAsync(name).GetAwaiter().GetResult();
    }
}
