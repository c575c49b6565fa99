using System.Collections.Immutable;
using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// The preflight of the docker runtime (docs/gateway.md) as the first step of the gateway's plan: the
/// engine answers and has every image the containers run, or the run stops before anything changes
/// (<see cref="DockerEngineUnreachableException"/>, <see cref="DockerImageMissingException"/>: exit 3
/// with the fix). A check: nothing to apply or undo.
/// </summary>
internal sealed record RequireDockerEngine(ImmutableArray<string> Images) : Step
{
    public override string Id => "docker:" + string.Join(',', Images);

    public override string Description => "Docker Engine answers and has " + string.Join(", ", Images);

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = context.RequireDocker();
        _ = engine.PingAsync().GetAwaiter().GetResult();
        var missing = Images.Where(image => engine.FindImageAsync(image).GetAwaiter().GetResult() is null).ToList();
        return missing.Count == 0 ? ProbeResult.Present : throw new DockerImageMissingException(missing, engine.Endpoint);
    }

    public override Undo PrepareUndo(StepContext context) => throw new InvalidOperationException($"{Description} is a check: there is nothing to apply");

    public override void Apply(StepContext context, Undo undo) => throw new InvalidOperationException($"{Description} is a check: there is nothing to apply");

    public override Undo? FindUndo(StepContext context) => null;
}
