using System.Diagnostics;

namespace Sixgill.Lab;

/// <summary>
/// Faults on demand for the integration tests of <c>lab demo</c>; the only place that reads this
/// variable (docs/testing.md lists it). Unset — always, outside tests — it changes nothing.
/// <list type="bullet">
/// <item><c>SIXGILL_TEST_DEMO_KILL=&lt;phase&gt;</c> (<c>prepare</c>, <c>verify</c>, <c>clean</c>): the demo kills
/// itself with SIGKILL right after the phase's first <c>sixgill</c> run has started in its node — for
/// <c>prepare</c>, the gateway's. That run goes on, orphaned, inside the node: a crash in the middle
/// of the phase at an exact point, without racing a signal from outside.</item>
/// </list>
/// </summary>
internal sealed record LabTestHooks(string? KillAtPhase)
{
    public const string KillVariable = "SIXGILL_TEST_DEMO_KILL";

    /// <summary>The hook the variable asks for; never any in the published binary.</summary>
    public static LabTestHooks FromEnvironment()
    {
#if SIXGILL_TEST_HOOKS
        var phase = Environment.GetEnvironmentVariable(KillVariable);
        return new LabTestHooks(string.IsNullOrEmpty(phase) ? null : phase);
#else
        return new LabTestHooks(KillAtPhase: null);
#endif
    }

    /// <summary>Called as each node's run of <paramref name="phase"/> has started.</summary>
    public void Started(string phase)
    {
        if (phase == KillAtPhase)
        {
            Process.GetCurrentProcess().Kill(); // SIGKILL on Linux: no finally blocks, no clean-up
        }
    }
}
