using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// prepare and clean in a lab node under faults from outside: SIGINT/SIGTERM at every step, a
/// stdout that is full, a state directory on a tiny tmpfs (mounted in the node's own mount
/// namespace, never the machine's).
/// </summary>
public sealed class FaultTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SIGINT_or_SIGTERM_at_any_step_of_prepare_rolls_the_run_back_and_exits_130_or_143()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);
        var steps = await PrepareFailureTests.PlannedStepsAsync(lab);

        for (var k = 1; k <= steps.Count; k++)
        {
            foreach (var (signal, name, exit) in new[] { ("TERM", "SIGTERM", 143), ("INT", "SIGINT (Ctrl-C)", 130) })
            {
                // env resets both signals to their default: a test run started in the background has SIGINT ignored, and the child would inherit that.
                var run = await w1.RunAsync(
                    new ProcessRequest(["env", "--default-signal=INT,TERM", SixgillInNode.Executable, "prepare", "-c", lab.ConfigPath])
                    {
                        Environment = new Dictionary<string, string?> { ["SIXGILL_TEST_SIGNAL"] = $"{signal}@{k}" },
                    },
                    Cancel);

                run.ExitCode.ShouldBe(exit, $"{signal} at step {k}: {run.StandardError}");
                run.StandardError.ShouldContain($"prepare stopped by {name} (at '{steps[k - 1]}'); rolled back: ");
                run.StandardOutput.ShouldContain("FAILED, rolled back");
                (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before, $"after {signal} at step {k}");
            }
        }
    }

    [Fact]
    public async Task A_prepare_whose_report_cannot_be_written_has_journaled_its_changes_and_plan_shows_them()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);

        var run = await w1.RunAsync(new ProcessRequest(["sh", "-c", "exec \"$0\" prepare -c \"$1\" >/dev/full", SixgillInNode.Executable, lab.ConfigPath]), Cancel);

        run.ExitCode.ShouldBe(74, run.StandardError);
        run.StandardError.ShouldContain("cannot write to stdout: no space left on the device; the command ended with exit 0 and its output is lost");
        run.StandardError.ShouldNotContain("   at ");
        var plan = await lab.SixgillAsync(w1, "plan", "--detailed-exitcode");
        plan.ExitCode.ShouldBe(0, "prepare's changes are on the node: " + plan.StandardOutput);
        var planClean = await lab.SixgillAsync(w1, "plan", "clean");
        planClean.StandardOutput.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)).ShouldBe(8, planClean.StandardOutput);
        (await lab.SixgillAsync(w1, "clean")).ExitCode.ShouldBe(0);
        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
    }

    [Fact]
    public async Task On_a_full_state_directory_prepare_says_what_it_rolled_back_and_clean_counts_right_and_no_internal_error()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);
        const string State = "/var/lib/sixgill-small";
        await PrepareLab.ShAsync(w1, $"mkdir -p {State} && mount -t tmpfs -o size=8k,mode=755 sixgill-small {State}");
        try
        {
            // Full from the start: the lock's pid cannot be written. Nothing changes.
            await PrepareLab.ShAsync(w1, $"head -c 8192 /dev/zero > {State}/filler 2>/dev/null || true");
            var full = await lab.SixgillAsync(w1, "prepare", "--state-dir", State);
            full.ExitCode.ShouldBeOneOf([1, 3], full.StandardError);
            full.StandardError.ShouldNotContain("internal error");
            full.StandardError.ShouldNotContain("this is a bug");
            (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);

            // Room for the lock and a few journal saves: prepare fails part way, rolls back, and says exactly that.
            await PrepareLab.ShAsync(w1, $"rm -f {State}/filler; rm -f {State}/journal.json {State}/lock");
            var small = await lab.SixgillAsync(w1, "prepare", "--state-dir", State);
            small.StandardError.ShouldNotContain("internal error");
            if (small.ExitCode == 1)
            {
                small.StandardError.ShouldContain("No space left on device");
                small.StandardError.ShouldNotContain("nothing had to be rolled back");
                small.StandardError.ShouldNotContain("could not roll back");
            }
            else
            {
                small.ExitCode.ShouldBe(0, small.StandardError);
            }

            var clean = await lab.SixgillAsync(w1, "clean", "--state-dir", State);
            clean.ExitCode.ShouldBe(0, clean.StandardOutput + clean.StandardError);
            clean.StandardOutput.ShouldNotContain("SOME FAILED");
            clean.StandardError.ShouldNotContain("internal error");
            (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
        }
        finally
        {
            await PrepareLab.ShAsync(w1, $"umount {State}; rmdir {State}");
        }
    }
}
