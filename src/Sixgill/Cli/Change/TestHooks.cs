using System.Diagnostics;
using System.Globalization;
using Sixgill.Engine;
using Sixgill.Host.Interop;
using Sixgill.Steps;

namespace Sixgill.Cli.Change;

/// <summary>
/// Faults on demand, for the integration tests that prove rollback and crash recovery on real lab
/// nodes; the only place that reads these variables (docs/testing.md lists them):
/// <list type="bullet">
/// <item><c>SIXGILL_TEST_FAIL_STEP=&lt;k or step id&gt;</c>: the k-th step of the plan (1-based, as
/// <c>plan</c> lists them) applies its change and then fails, so the run must roll it back with the rest.</item>
/// <item><c>SIXGILL_TEST_KILL_AFTER=&lt;n&gt;</c>: the process kills itself with SIGKILL right after the
/// n-th journal save of the run (an append, or the compaction at its end) — a kill -9 at an exact point, without racing a signal. In a prepare
/// save n is step n's intent (its change not made yet); the last save marks the last step applied.</item>
/// <item><c>SIXGILL_TEST_KILL_BEFORE=&lt;n&gt;</c>: the same, right before the n-th save: in a prepare,
/// step n−1 has made its change and the journal still says "applying".</item>
/// <item><c>SIXGILL_TEST_SIGNAL=&lt;INT|TERM&gt;@&lt;k&gt;</c>: as the k-th step of the plan starts to apply, the
/// process sends itself SIGINT or SIGTERM (a real signal, through the kernel) and waits until its handler
/// has seen it, so the test knows in which step the signal arrived without racing it.</item>
/// </list>
/// Unset (always, outside tests), they change nothing.
/// </summary>
internal sealed record TestHooks(string? FailStep, int? KillAfterSave, int? KillBeforeSave)
{
    public const string FailStepVariable = "SIXGILL_TEST_FAIL_STEP";

    public const string KillAfterVariable = "SIXGILL_TEST_KILL_AFTER";

    public const string KillBeforeVariable = "SIXGILL_TEST_KILL_BEFORE";

    public const string SignalVariable = "SIXGILL_TEST_SIGNAL";

    /// <summary><c>TERM@3</c>: the signal and the step (1-based) it is sent in.</summary>
    public string? SignalAt { get; init; }

    public static TestHooks None { get; } = new(null, null, null);

    /// <summary>The hooks the variables ask for; always <see cref="None"/> in the published binary.</summary>
    public static TestHooks FromEnvironment()
    {
#if SIXGILL_TEST_HOOKS
        var fail = Environment.GetEnvironmentVariable(FailStepVariable);
        var signal = Environment.GetEnvironmentVariable(SignalVariable);
        return new TestHooks(string.IsNullOrEmpty(fail) ? null : fail, Number(KillAfterVariable), Number(KillBeforeVariable))
        {
            SignalAt = string.IsNullOrEmpty(signal) ? null : signal,
        };
#else
        return None;
#endif
    }

    public IReadOnlyList<Step> Apply(IReadOnlyList<Step> steps, StopRequest? stop = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (FailStep is not null)
        {
            var index = int.TryParse(FailStep, NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k - 1 : -1;
            steps = [.. steps.Select((step, i) => i == index || step.Id == FailStep ? new FailAfterApply(step) : step)];
        }

        if (SignalAt?.Split('@') is [var name, var at] && stop is not null
            && int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= steps.Count)
        {
            var signal = name == "INT" ? StopRequest.Interrupt : StopRequest.Terminate;
            steps = [.. steps.Select((step, i) => i == n - 1 ? new SignalDuringApply(step, signal, stop) : step)];
        }

        return steps;
    }

    public IJournalStore Wrap(IJournalStore store) =>
        KillAfterSave is null && KillBeforeSave is null ? store : new KillAtSave(store, KillBeforeSave, KillAfterSave);

#if SIXGILL_TEST_HOOKS
    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
#endif

    /// <summary>The step, applied for real, then a failure: rollback must take the change back.</summary>
    private sealed record FailAfterApply(Step Inner) : Step
    {
        public override string Id => Inner.Id;

        public override string Description => Inner.Description;

        public override ProbeResult Probe(StepContext context) => Inner.Probe(context);

        public override Undo PrepareUndo(StepContext context) => Inner.PrepareUndo(context);

        public override void Apply(StepContext context, Undo undo)
        {
            Inner.Apply(context, undo);
            throw new InvalidOperationException($"failed on purpose after applying ({FailStepVariable})");
        }

        public override Undo? FindUndo(StepContext context) => Inner.FindUndo(context);
    }

    /// <summary>The step, with a real signal sent to this process as it starts to apply.</summary>
    private sealed record SignalDuringApply(Step Inner, int Signal, StopRequest Stop) : Step
    {
        public override string Id => Inner.Id;

        public override string Description => Inner.Description;

        public override ProbeResult Probe(StepContext context) => Inner.Probe(context);

        public override Undo PrepareUndo(StepContext context) => Inner.PrepareUndo(context);

        public override void Apply(StepContext context, Undo undo)
        {
            _ = LibC.Kill(LibC.GetPid(), Signal);
            SpinWait.SpinUntil(() => Stop.Requested, TimeSpan.FromSeconds(10));
            Inner.Apply(context, undo);
        }

        public override Undo? FindUndo(StepContext context) => Inner.FindUndo(context);
    }

    private sealed class KillAtSave(IJournalStore inner, int? before, int? after) : IJournalStore
    {
        private int count;

        public string Location => inner.Location;

        public JournalDocument? Load() => inner.Load();

        public void Save(JournalDocument document, bool durable = true) => Counted(() => inner.Save(document, durable));

        public void Compact(JournalDocument document) => Counted(() => inner.Compact(document));

        private void Counted(Action save)
        {
            count++;
            KillIf(before);
            save();
            KillIf(after);
        }

        private void KillIf(int? save)
        {
            if (count == save)
            {
                Process.GetCurrentProcess().Kill(); // SIGKILL on Linux: no finally blocks, no flush
            }
        }
    }
}
