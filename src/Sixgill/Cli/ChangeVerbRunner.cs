using Sixgill.Addressing;
using Sixgill.Cli.Change;
using Sixgill.Config;
using Sixgill.Engine;
using Sixgill.Fleet;
using Sixgill.Host.Processes;
using Sixgill.Machine;
using Sixgill.Planning;

namespace Sixgill.Cli;

/// <summary>
/// The one runner of the commands that change a node — <c>prepare</c>, <c>clean</c>, <c>up</c>,
/// <c>down</c>, <c>init</c>, each a <see cref="ChangeVerb"/> — and of <c>plan</c> for each of them. It
/// loads the config (exit 2), checks root and the programs and the interface before anything is
/// touched (exit 3 with the fix), runs the verb's steps through the executor, prints the report on
/// stdout (text or JSON, masked) and logs on stderr, and turns every outcome into the exit codes of
/// Exit codes (docs/commands.md): a failed run (rolled back) is 1, a lock held by another run is 3 naming its pid.
/// </summary>
internal sealed class ChangeVerbRunner
{
    private readonly Invocation invocation;
    private readonly ChangeLog log;
    private readonly IChangeNode node;
    private readonly TestHooks hooks;
    private readonly StopRequest stop;
    private OutputMask mask = OutputMask.None;
    private JournalIdentity? identity;

    public ChangeVerbRunner(Invocation invocation, CommandEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(environment);
        this.invocation = invocation;
        log = new ChangeLog(invocation);
        node = environment.Connect(log.Tracing ? log.Trace : null);
        hooks = environment.Hooks();
        stop = environment.Stop;
    }

    /// <summary>The node the verb runs on (this machine, or fakes in the CLI's in-process tests).</summary>
    public IChangeNode Node => node;

    /// <summary>Runs the verb on this node: applies its plan, or undoes its partner's changes.</summary>
    public int Run(ChangeVerb verb)
    {
        ArgumentNullException.ThrowIfNull(verb);
        return Guarded(() => verb.Direction == ChangeDirection.Apply ? Apply(verb) : Undo(verb));
    }

    /// <summary>What the verb would change now, from the probes only; never changes anything, works as any user.</summary>
    /// <param name="detailedExitCode">Exit 10 (not 0) when changes are pending.</param>
    public int Plan(ChangeVerb verb, bool detailedExitCode)
    {
        ArgumentNullException.ThrowIfNull(verb);
        return Guarded(() => ShowPlan(verb, detailedExitCode));
    }

    private int Apply(ChangeVerb verb)
    {
        var (target, plan) = Load(verb, changing: true);
        if (!plan.Problems.IsEmpty)
        {
            throw new SixgillException(ExitCodes.Precondition, $"{verb.Name} cannot run on {target.NodeName}: {string.Join("; ", plan.Problems)}");
        }

        var link = target.Node.Node.Interface;
        if (verb.NeedsInterface && node.Network.FindLink(link) is null)
        {
            throw new SixgillException(ExitCodes.Precondition,
                $"interface {link} does not exist on this node ({target.NodeName}); nothing was changed",
                $"set topology.{target.NodeName}.interface to this node's management interface ('ip link' lists them)");
        }

        log.Phase("preflight");
        RunReport report;
        using (stop.Arm())
        {
            report = Executor(verb).Run(plan.Command, hooks.Apply(plan.Steps, stop), stop);
        }

        log.Phase("run");
        if (!report.Succeeded && report.Steps.IsEmpty && report.Failure!.Error is PreconditionFailedException or ProgramNotFoundException or DockerEngineUnreachableException)
        {
            throw report.Failure.Error; // a probe found a precondition missing: nothing was changed
        }

        foreach (var interrupted in report.Interrupted)
        {
            log.Warn($"an earlier run was killed while applying '{interrupted.Description}'; its entry stays in the journal and clean undoes it");
        }

        var warnings = WithJournalTrouble(plan.Warnings, report.JournalTrouble);
        Report(() => RunOutput.Write(invocation, mask, verb, target.NodeName, report, warnings));
        if (report.Failure is { } failure)
        {
            throw new SixgillException(failure.Error is StopRequestedException stopped ? ExitCode(stopped.Signal) : ExitCodes.ChangeFailed,
                mask.Apply(FailureMessage(verb, failure, report)), RollbackHint(verb, report));
        }

        return ExitCodes.Done;
    }

    private int Undo(ChangeVerb verb)
    {
        var (target, plan) = Load(verb, changing: true);
        log.Phase("preflight");
        var paths = new StatePaths(invocation.StateDir);
        UndoReport report;
        using (stop.Arm())
        {
            report = Executor(verb).Undo(plan.Command, plan.Steps, stop);
        }

        log.Phase("run");
        if (!report.FromJournal)
        {
            log.Warn($"no journal at {paths.Journal}: undoing what the probes find of {plan.Command} on this node (values from before it, such as a sysctl's, are unknown and stay)");
        }
        else if (report.Mistrust is { } why)
        {
            log.Warn($"{why}: undid what it records, then what the probes of this config find that it does not record");
        }

        if (report.Succeeded && report.StoppedBy is null)
        {
            foreach (var deleted in verb.Forgets.SelectMany(command => Executor(verb).Forget(command)))
            {
                log.Warn($"deleted {deleted}: a backup init kept, which may hold an old token or CA key");
            }
        }

        var warnings = WithJournalTrouble(plan.Warnings, report.JournalTrouble);
        Report(() => UndoOutput.Write(invocation, mask, verb, target.NodeName, report, warnings));
        if (report.StoppedBy is { } signal)
        {
            var undone = report.Results.Count(r => !r.Failed);
            throw new SixgillException(ExitCode(signal), $"{verb.Name} {new StopRequestedException(signal).Message}: {ChangeFormatting.Count(undone, "change")} undone"
                + (report.FromJournal ? $", {(report.Left == 1 ? "1 entry" : $"{report.Left} entries")} left in the journal" : ""),
                $"run 'sudo sixgill {verb.Name}' again to undo the rest");
        }

        if (!report.Succeeded)
        {
            var failed = report.Results.Where(r => r.Failed).Select(r => $"{r.Description}: {r.Error}");
            throw new SixgillException(ExitCodes.ChangeFailed,
                mask.Apply($"{verb.Name} could not undo everything: {string.Join("; ", failed)}"),
                $"what failed stays in the journal; fix the cause and run 'sudo sixgill {verb.Name}' again");
        }

        return ExitCodes.Done;
    }

    private int ShowPlan(ChangeVerb verb, bool detailedExitCode)
    {
        var (target, plan) = Load(verb, changing: false);
        var executor = Executor(verb);
        PlanReport report;
        try
        {
            report = verb.Direction == ChangeDirection.Apply ? executor.Plan(plan.Steps) : executor.PlanUndo(plan.Command, plan.Steps);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new PreconditionFailedException($"cannot read the journal in {invocation.StateDir}: {e.Message} (run as root?)", e);
        }

        log.Phase("probes");
        if (report.Mistrust is { } why)
        {
            log.Warn($"{why}: the lines marked 'not in the journal' come from the probes of this config");
        }

        Report(() => PlanOutput.Write(invocation, mask, verb, target.NodeName, plan, report));
        var unreadable = PlanOutput.Unreadable(report);
        if (unreadable > 0)
        {
            log.Warn($"{ChangeFormatting.Count(unreadable, "step")} could not be probed (marked ?)" + (node.IsRoot ? "" : "; running as a normal user, parts of the node may be unreadable: 'sudo sixgill plan' sees everything"));
        }

        return detailedExitCode && report.HasChanges ? ExitCodes.ChangesPending : ExitCodes.Done;
    }

    /// <summary>Config, root and programs (when changing), the node's facts and the verb's plan.</summary>
    private (NodeTarget Target, NodePlan Plan) Load(ChangeVerb verb, bool changing)
    {
        var loaded = ConfigLoader.LoadFile(invocation.ConfigPath);
        var cluster = ValidatedCluster.Check(invocation, loaded, requireHost: true);
        identity = new JournalIdentity(invocation.NodeName, loaded.Digest);
        mask = new OutputMask(cluster);
        log.Mask = mask;
        log.Phase("config");
        if (changing)
        {
            if (!node.IsRoot)
            {
                throw new SixgillException(ExitCodes.Precondition, $"{verb.Name} changes this node: run as root", $"sudo sixgill {verb.Name} {Arguments()}");
            }

            if (verb.Programs.FirstOrDefault(p => !node.HasProgram(p.Name)) is { } missing)
            {
                throw new SixgillException(ExitCodes.Precondition, $"the program '{missing.Name}' is missing; nothing was changed", $"apt-get install -y {missing.Package}");
            }
        }

        var addresses = AddressPlan.For(cluster);
        log.Phase("address plan");

        // The text just loaded, checked and digested for the journal; not a second read of the file.
        var text = loaded.Text ?? throw new InvalidOperationException("a loaded cluster keeps the text it was read from");
        var target = new NodeTarget(addresses, invocation.NodeName, node.ReadFacts())
        {
            Reapply = new ReapplySource(SixgillProgram.Current(), Path.GetFullPath(invocation.StateDir), text),
        };
        log.Phase("node facts");
        var plan = verb.Plan(target);
        log.Phase("steps");
        foreach (var warning in plan.Warnings)
        {
            log.Warn(warning);
        }

        return (target, plan);
    }

    private Executor Executor(ChangeVerb verb) =>
        node.Executor(new StatePaths(invocation.StateDir), log.Progress, store => hooks.Wrap(log.Tracing ? new TracingJournalStore(store, log.Trace) : store),
            new KubeadmSettings(verb.KubeadmTimeout, log.Program), identity);

    /// <summary>The plan's warnings, and the journal's trouble at the end of the run (said on stderr now).</summary>
    private IReadOnlyList<string> WithJournalTrouble(IReadOnlyList<string> warnings, string? trouble)
    {
        if (trouble is null)
        {
            return warnings;
        }

        log.Warn(trouble);
        return [.. warnings, trouble];
    }

    private static void Report(Action write) => write();

    /// <summary>Preconditions become exit 3 with the fix (in JSON mode the error document is written where every command's is, in <see cref="SixgillCli"/>).</summary>
    private int Guarded(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (ProgramNotFoundException e)
        {
            var hint = e.Program == ChangeVerb.IpRoute2.Name ? $"apt-get install -y {ChangeVerb.IpRoute2.Package}" : $"install {e.Program}, or put it on PATH";
            throw new SixgillException(ExitCodes.Precondition, mask.Apply(e.Message), hint);
        }
        catch (DockerEngineUnreachableException e)
        {
            var message = mask.Apply(e.Message + "; nothing was changed");
            throw new SixgillException(ExitCodes.Precondition, message, e.Fix);
        }
        catch (PreconditionFailedException e)
        {
            var hint = e switch
            {
                LockHeldException held => $"wait until {(held.HolderPid is { } pid ? $"pid {pid}" : "the other run")} has finished, then run again",
                DockerImageMissingException => DockerImageMissingException.Fix,
                JournalRefusedException refused => refused.Fix,
                _ => null,
            };
            throw new SixgillException(ExitCodes.Precondition, mask.Apply(e.Message), hint);
        }
    }

    private string Arguments() =>
        $"-c {invocation.ConfigPath}" + (invocation.Host is { } host ? $" --host {host}" : "") +
        (invocation.StateDir == StatePaths.DefaultDirectory ? "" : $" --state-dir {invocation.StateDir}");

    private static int ExitCode(int signal) => signal == StopRequest.Interrupt ? ExitCodes.Interrupted : ExitCodes.Terminated;

    private static string FailureMessage(ChangeVerb verb, StepFailure failure, RunReport report)
    {
        var rolledBack = report.RolledBack.Where(r => !r.Failed).Select(r => r.Description).ToList();
        var undone = rolledBack.Count > 0 ? $"rolled back: {string.Join("; ", rolledBack)}"
            : report.RolledBack.IsEmpty ? "nothing had to be rolled back"
            : "nothing could be rolled back";
        return failure.Error is StopRequestedException
            ? $"{verb.Name} {failure.Message} (at '{failure.Description}'); {undone}"
            : $"{verb.Name} failed at '{failure.Description}': {failure.Message}; {undone}";
    }

    private static string RollbackHint(ChangeVerb verb, RunReport report)
    {
        var failed = report.RolledBack.Where(r => r.Failed).Select(r => $"{r.Description} ({r.Error})").ToList();
        return failed.Count == 0
            ? $"the node is as it was before this run; fix the cause and run 'sudo sixgill {verb.Name}' again"
            : $"could not roll back: {string.Join("; ", failed)} — these stay in the journal for 'sudo sixgill clean'";
    }
}
