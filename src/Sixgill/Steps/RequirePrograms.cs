using System.Collections.Immutable;
using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// The preflight of the native gateway (docs/gateway.md) as the first step of its plan: its probe finds
/// every program installed (<c>=</c>) or stops the run before anything changes, naming each missing
/// program, its Debian package and the one <c>apt-get install</c> line (exit 3). There is nothing to
/// apply or undo: Sixgill never installs anything itself.
/// </summary>
internal sealed record RequirePrograms(ImmutableArray<RequiredProgram> Programs) : Step
{
    public override string Id => "programs:" + string.Join(',', Programs.Select(p => p.Name));

    public override string Description => "programs " + string.Join(", ", Programs.Select(p => p.Name)) + " installed";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var programs = context.RequireServices().Programs;
        var preflight = ProgramPreflight.Check(name => programs.Find(name) is not null, Programs);
        if (preflight.IsReady)
        {
            return ProbeResult.Present;
        }

        throw new PreconditionFailedException(
            $"the native DNS64/NAT64 gateway needs programs that are not installed: {string.Join("; ", preflight.Describe())}. " +
            $"Install with: {preflight.InstallCommand} — nothing was changed");
    }

    public override Undo PrepareUndo(StepContext context) => throw new InvalidOperationException($"{Description} is a check: there is nothing to apply");

    public override void Apply(StepContext context, Undo undo) => throw new InvalidOperationException($"{Description} is a check: there is nothing to apply");

    public override Undo? FindUndo(StepContext context) => null;
}
