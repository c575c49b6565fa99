using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// A gateway daemon supervised by systemd (docs/gateway.md, where PID 1 is systemd): its unit file in
/// <c>/etc/systemd/system</c>, systemd told (<c>daemon-reload</c>), the unit enabled and
/// (re)started, the daemon checked first and waited for, bounded. Undo: <c>disable --now</c>, the
/// unit file removed, <c>daemon-reload</c>. A unit whose daemon runs an older config than the
/// plan's is restarted.
/// </summary>
internal sealed record EnsureSystemdService(SystemdUnit Unit, DaemonSpec Daemon) : Step
{
    private const UnixFileMode UnitMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private EnsureFile File => new($"{ISystemd.UnitDirectory}/{Unit.Name}", FileBody.FromText(Unit.Text), UnitMode);

    public override string Id => $"unit:{Unit.Name}";

    public override string Description => $"service {Unit.Name} ({Daemon.Describe()})";

    public override ProbeResult Probe(StepContext context)
    {
        var systemd = Systemd(context);
        var file = File.Probe(context);
        if (file.NeedsChange)
        {
            return file.State == ProbeState.Absent ? ProbeResult.Absent($"no unit file") : ProbeResult.Different($"unit file: {file.Detail}");
        }

        if (!systemd.IsActive(Unit.Name))
        {
            return ProbeResult.Different("not running");
        }

        if (!systemd.IsEnabled(Unit.Name))
        {
            return ProbeResult.Different("not enabled");
        }

        return DaemonProcess.OutdatedConfig(context, Daemon) is { } why ? ProbeResult.Different($"restart: {why}") : ProbeResult.Present;
    }

    public override Undo PrepareUndo(StepContext context)
    {
        var systemd = Systemd(context);
        var file = File.Probe(context).NeedsChange ? Expect<RestoreFile>(File.PrepareUndo(context)) : null;
        return new RemoveSystemdService(Unit.Name, file, WasEnabled: systemd.IsEnabled(Unit.Name), WasActive: systemd.IsActive(Unit.Name));
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

        DaemonProcess.CheckConfig(context, Daemon);
        systemd.Enable(Unit.Name);
        systemd.Restart(Unit.Name);
        DaemonProcess.WaitUntilReady(context, Daemon);
    }

    // Without a journal: Sixgill's unit file (by its content) or a unit of Sixgill's name that runs.
    public override Undo? FindUndo(StepContext context)
    {
        var systemd = Systemd(context);
        var file = File.FindUndo(context) as RestoreFile;
        return file is null && !systemd.IsEnabled(Unit.Name) && !systemd.IsActive(Unit.Name)
            ? null
            : new RemoveSystemdService(Unit.Name, file, WasEnabled: false, WasActive: false);
    }

    private static ISystemd Systemd(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Systemd ?? throw new PreconditionFailedException("systemd does not run on this node: its services cannot be set up (Sixgill starts the daemons directly where PID 1 is not systemd)");
    }
}

/// <summary>
/// Stops and disables the unit (unless it ran and was enabled before), removes the unit file Sixgill
/// wrote (only while it is still Sixgill's), and has systemd forget it.
/// </summary>
/// <param name="File">The unit file this change wrote; null when it was already there.</param>
internal sealed record RemoveSystemdService(string Unit, RestoreFile? File, bool WasEnabled, bool WasActive) : Undo
{
    public override string Describe() => $"disable --now {Unit}" + (File is null ? "" : $", {File.Describe()}, daemon-reload");

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Systemd is not { } systemd)
        {
            return File?.Revert(context) ?? UndoOutcome.NothingToDo("systemd does not run here");
        }

        var done = new List<string>();
        var stop = !WasActive && systemd.IsActive(Unit);
        if ((!WasEnabled && systemd.IsEnabled(Unit)) || stop)
        {
            systemd.Disable(Unit, stop);
            done.Add(stop ? $"disabled and stopped {Unit}" : $"disabled {Unit}");
        }

        if (File is not null)
        {
            var file = File.Revert(context);
            systemd.DaemonReload();
            if (file.Status == UndoStatus.LeftAlone)
            {
                return UndoOutcome.LeftAlone(string.Join("; ", [.. done, file.Detail]));
            }

            if (file.Status == UndoStatus.Reverted)
            {
                done.Add(file.Detail ?? $"removed the unit file of {Unit}");
            }
        }

        if (File is null && done.Count > 0)
        {
            // The unit file stays (it was there before): the manager forgets the disabled links once.
            systemd.DaemonReload();
        }

        return done.Count > 0 ? UndoOutcome.Reverted(string.Join("; ", done)) : UndoOutcome.NothingToDo();
    }
}
