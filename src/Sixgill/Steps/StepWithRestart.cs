namespace Sixgill.Steps;

/// <summary>
/// A change a service reads only when it starts (systemd-resolved and its <c>resolved.conf.d</c>
/// drop-in): the inner step, then a restart of the unit — after applying, and again after undoing,
/// so the service forgets the change too. Same id as the inner step: to plan and journal it is that
/// step. Planned only where systemd runs; elsewhere the plan keeps the bare step and warns.
/// </summary>
internal sealed record StepWithRestart(Step Change, string Unit) : Step
{
    public override string Id => Change.Id;

    public override string Description => $"{Change.Description}, then restart {Unit}";

    public override ProbeResult Probe(StepContext context) => Change.Probe(context);

    public override Undo PrepareUndo(StepContext context) => new UndoWithRestart(Change.PrepareUndo(context), Unit);

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        Change.Apply(context, Expect<UndoWithRestart>(undo).Change);
        var systemd = context.Systemd ?? throw new InvalidOperationException($"cannot restart {Unit}: systemd is not running on this node");
        systemd.Restart(Unit);
    }

    public override Undo? FindUndo(StepContext context) =>
        Change.FindUndo(context) is { } undo ? new UndoWithRestart(undo, Unit) : null;
}

/// <summary>
/// Undoes the change, then restarts the unit so it drops it. The restart also follows an undo that
/// found nothing to do (the file may have gone just before a crash, with the service still holding
/// it); it is skipped only when a person's later change was left alone, or where systemd is absent.
/// </summary>
internal sealed record UndoWithRestart(Undo Change, string Unit) : Undo
{
    public override string Describe() => $"{Change.Describe()}, then restart {Unit}";

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = Change.Revert(context);
        if (outcome.Status == UndoStatus.LeftAlone)
        {
            return outcome;
        }

        if (context.Systemd is not { } systemd)
        {
            return outcome with { Detail = Join(outcome.Detail, $"{Unit} not restarted: systemd is not running") };
        }

        systemd.Restart(Unit);
        return outcome with { Detail = Join(outcome.Detail, $"restarted {Unit}") };
    }

    private static string Join(string? first, string second) => first is null ? second : $"{first}; {second}";
}
