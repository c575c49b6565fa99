namespace Sixgill.Steps;

/// <summary>
/// A gateway daemon started directly, where PID 1 is not systemd (docs/gateway.md): it forks and writes
/// its pid file under <c>/run/sixgill</c>, and undo ends it by that pid — after checking the pid
/// still belongs to this program with this config. Applying waits, bounded, until the daemon is up
/// and (the DNS64 server) answers. A daemon that runs an older config than the plan's is restarted,
/// its new config checked first (<c>named-checkconf</c>) so that a config the new one would refuse
/// never stops the running one; a first start is checked only when the daemon does not come up,
/// for the checker's words about the file.
/// </summary>
internal sealed record EnsureDaemon(DaemonSpec Daemon) : Step
{
    public override string Id => $"daemon:{Daemon.Program}";

    public override string Description => $"daemon {Daemon.Describe()}";

    public override ProbeResult Probe(StepContext context)
    {
        if (DaemonProcess.Find(context, Daemon.Program, Daemon.Config, Daemon.PidFile) is null)
        {
            return ProbeResult.Absent("not running");
        }

        return DaemonProcess.OutdatedConfig(context, Daemon) is { } why ? ProbeResult.Different($"restart: {why}") : ProbeResult.Present;
    }

    public override Undo PrepareUndo(StepContext context) =>
        new StopDaemon(Daemon.Program, Daemon.Config, Daemon.PidFile, WasRunning: DaemonProcess.Find(context, Daemon.Program, Daemon.Config, Daemon.PidFile) is not null);

    public override void Apply(StepContext context, Undo undo)
    {
        _ = Expect<StopDaemon>(undo);
        if (DaemonProcess.Find(context, Daemon.Program, Daemon.Config, Daemon.PidFile) is { } old)
        {
            // It runs an old config: restart, but never stop it for a config the new one would refuse.
            DaemonProcess.CheckConfig(context, Daemon);
            DaemonProcess.Stop(context, old);
            DaemonProcess.Start(context, Daemon);
            DaemonProcess.WaitUntilReady(context, Daemon);
            return;
        }

        // A first start: nothing runs that a refused config could cost, so the daemon reads its config
        // itself; only when it does not come up is the checker asked, for its words about the file.
        try
        {
            DaemonProcess.Start(context, Daemon);
            DaemonProcess.WaitUntilReady(context, Daemon);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            DaemonProcess.CheckConfig(context, Daemon);
            throw;
        }
    }

    // Without a journal: a process of this program with Sixgill's config path is Sixgill's.
    public override Undo? FindUndo(StepContext context) =>
        DaemonProcess.Find(context, Daemon.Program, Daemon.Config, Daemon.PidFile) is null ? null : new StopDaemon(Daemon.Program, Daemon.Config, Daemon.PidFile, WasRunning: false);
}

/// <summary>
/// Ends the daemon Sixgill started, found by its pid file and checked to be this program with this
/// config before it is signalled (SIGTERM, then SIGKILL). A pid that now belongs to another process
/// is left alone.
/// </summary>
/// <param name="WasRunning">The daemon ran before this change (it was restarted with a new config):
/// the entry that started it stops it, not this one.</param>
internal sealed record StopDaemon(string Program, string Config, string PidFile, bool WasRunning) : Undo
{
    public override string Describe() => WasRunning ? $"leave {Program} running (it ran before)" : $"stop {Program} -c {Config}";

    public override UndoOutcome Revert(StepContext context)
    {
        if (WasRunning)
        {
            return UndoOutcome.NothingToDo($"{Program} ran before this change");
        }

        if (DaemonProcess.Find(context, Program, Config, PidFile) is not { } process)
        {
            return UndoOutcome.NothingToDo($"no {Program} -c {Config} runs (as {PidFile} says)");
        }

        DaemonProcess.Stop(context, process);
        return UndoOutcome.Reverted($"stopped {Program} (pid {process.Pid})");
    }
}
