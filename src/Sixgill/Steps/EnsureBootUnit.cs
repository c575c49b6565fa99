using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// A unit that runs once at every boot (<see cref="Planning.BootUnit"/>): its file in
/// <c>/etc/systemd/system</c>, systemd told, the unit enabled — not started now: it runs sixgill,
/// which this run already is. Undo: disabled and stopped (a oneshot that ran at boot stays "active" until then), the file removed, <c>daemon-reload</c>.
/// </summary>
internal sealed record EnsureBootUnit(SystemdUnit Unit) : Step
{
    private const UnixFileMode UnitMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private EnsureFile File => new($"{ISystemd.UnitDirectory}/{Unit.Name}", FileBody.FromText(Unit.Text), UnitMode);

    public override string Id => $"unit:{Unit.Name}";

    public override string Description => $"boot unit {Unit.Name} (enabled: re-applies this node's state at every boot)";

    public override ProbeResult Probe(StepContext context)
    {
        var file = File.Probe(context);
        if (file.NeedsChange)
        {
            return file.State == ProbeState.Absent ? ProbeResult.Absent("no unit file") : ProbeResult.Different($"unit file: {file.Detail}");
        }

        return Systemd(context).IsEnabled(Unit.Name) ? ProbeResult.Present : ProbeResult.Different("not enabled");
    }

    public override Undo PrepareUndo(StepContext context)
    {
        var file = File.Probe(context).NeedsChange ? Expect<RestoreFile>(File.PrepareUndo(context)) : null;
        return new RemoveSystemdService(Unit.Name, file, WasEnabled: Systemd(context).IsEnabled(Unit.Name), WasActive: false);
    }

    public override void Apply(StepContext context, Undo undo)
    {
        var remove = Expect<RemoveSystemdService>(undo);
        var systemd = Systemd(context);
        if (remove.File is { } file)
        {
            File.Apply(context, file);
            systemd.DaemonReload();
        }

        systemd.Enable(Unit.Name);
    }

    public override Undo? FindUndo(StepContext context)
    {
        var file = File.FindUndo(context) as RestoreFile;
        return file is null && context.Systemd?.IsEnabled(Unit.Name) != true ? null : new RemoveSystemdService(Unit.Name, file, WasEnabled: false, WasActive: false);
    }

    private static ISystemd Systemd(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Systemd ?? throw new PreconditionFailedException("systemd does not run on this node: no boot unit can be enabled");
    }
}
