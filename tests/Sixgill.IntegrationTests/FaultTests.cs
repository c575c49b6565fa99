using System.Globalization;
using System.Text.Json;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// A minion's prepare in a lab node when its environment works against it: SIGINT or SIGTERM at each
/// step, a stdout that cannot be written (<c>&gt;/dev/full</c>), a state directory on a tiny tmpfs
/// (mounted in the node's own mount namespace, never on the machine). Each ends with the exit code
/// documented for it, a report that says what happened, and the node either as it was or prepared
/// with every change journaled.
/// </summary>
public sealed class FaultTests
{
    private const string StateDirectory = "/var/lib/sixgill";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_signal_at_any_step_finishes_it_rolls_the_run_back_and_exits_128_plus_the_signal()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);
        var plan = await PlanAsync(lab);
        var applying = plan.Where(s => s.Symbol != "=").ToList();
        applying.Count.ShouldBe(9, "ten steps, the bridge netfilter sysctl already 1 in a lab node");

        foreach (var (signal, exit) in new[] { ("TERM", 143), ("INT", 130) })
        {
            for (var j = 1; j <= applying.Count; j++)
            {
                // The hook counts in the plan's order, "=" steps included.
                var step = applying[j - 1];
                var at = $"{signal}@{step.Number}";
                var run = await lab.SixgillAsync(w1, new Dictionary<string, string?> { ["SIXGILL_TEST_SIGNAL"] = at }, "prepare", "--output", "json");

                run.ExitCode.ShouldBe(exit, $"{at}: {run.StandardError}");
                run.StandardError.ShouldContain($"prepare stopped by SIG{signal}", Case.Sensitive, at);
                run.StandardError.ShouldContain($"(at '{step.Description}'); rolled back: ", Case.Sensitive, at);
                run.StandardError.ShouldContain("the node is as it was before this run", Case.Sensitive, at);
                using (var report = JsonDocument.Parse(run.StandardOutput))
                {
                    var root = report.RootElement;
                    root.GetProperty("result").GetString().ShouldBe("failed", at);
                    root.GetProperty("failure").GetProperty("id").GetString().ShouldBe(step.Id, at);
                    root.GetProperty("applied").GetInt32().ShouldBe(j, $"{at}: the step the signal came in is finished");
                    var rolledBack = root.GetProperty("rolledBack").EnumerateArray().ToList();
                    rolledBack.Count.ShouldBe(j, $"{at}: every step this run applied, the signalled one included");
                    rolledBack.ShouldAllBe(r => r.GetProperty("status").GetString() == "reverted", at);
                }

                (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before, $"after {at}");
                var clean = await lab.SixgillAsync(w1, "plan", "clean", "--detailed-exitcode");
                clean.ExitCode.ShouldBe(0, $"{at}: plan clean finds nothing to undo: {clean.StandardOutput}{clean.StandardError}");
                JournalEntries(await ReadJournalAsync(w1)).ShouldBe(0, at);
            }
        }

        var last = await lab.SixgillAsync(w1, "clean");
        last.ExitCode.ShouldBe(0, last.StandardError);
        last.StandardOutput.ShouldStartWith("clean on w1: nothing to undo");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Prepare_into_a_full_stdout_exits_74_with_every_change_journaled_and_clean_restores_the_node()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);

        var run = await w1.RunAsync(["sh", "-c", $"exec {SixgillInNode.Executable} prepare -c {lab.ConfigPath} >/dev/full"], Cancel);

        run.ExitCode.ShouldBe(74, run.StandardError);
        run.StandardError.ShouldContain("sixgill: cannot write to stdout: no space left on the device; the command ended with exit 0 and its output is lost");
        run.StandardError.ShouldNotContain("   at "); // no stack trace
        using (var journal = JsonDocument.Parse(await ReadJournalAsync(w1)))
        {
            var entries = journal.RootElement.GetProperty("entries").EnumerateArray().ToList();
            entries.Count.ShouldBe(9);
            entries.ShouldAllBe(e => e.GetProperty("state").GetString() == "Applied" && e.GetProperty("command").GetString() == "prepare");
        }

        var plan = await lab.SixgillAsync(w1, "plan", "--detailed-exitcode");
        plan.ExitCode.ShouldBe(0, $"nothing pending: {plan.StandardOutput}");
        var planClean = await lab.SixgillAsync(w1, "plan", "clean", "--detailed-exitcode");
        planClean.ExitCode.ShouldBe(10, "clean has the nine changes to undo");
        var clean = await lab.SixgillAsync(w1, "clean");
        clean.ExitCode.ShouldBe(0, clean.StandardError);
        clean.StandardOutput.ShouldStartWith("clean on w1: 9 changes undone, from the journal\n");
        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_full_state_directory_stops_prepare_with_exit_3_before_anything_changes()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);
        await MountTinyStateDirectoryAsync(w1, "4k");
        await PrepareLab.ShAsync(w1, $"head -c 4096 /dev/zero > {StateDirectory}/filler"); // its one page taken

        var run = await lab.SixgillAsync(w1, "prepare");

        run.ExitCode.ShouldBe(3, run.StandardError);
        run.StandardError.ShouldContain($"sixgill: cannot write the lock {StateDirectory}/lock: No space left on device; nothing was changed (is the state directory's file system full?)");
        run.StandardError.ShouldNotContain("internal error");
        run.StandardOutput.ShouldBeEmpty();
        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
        (await PrepareLab.ShAsync(w1, $"ls {StateDirectory}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["filler", "lock"]);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_state_directory_with_room_for_the_journal_but_not_for_compacting_it_still_gives_a_complete_journal()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);
        await MountTinyStateDirectoryAsync(w1, "8k"); // two pages: the lock's pid, the journal; none for a new journal file

        var run = await lab.SixgillAsync(w1, "prepare");

        run.ExitCode.ShouldBe(0, run.StandardError);
        run.StandardOutput.ShouldStartWith("prepare on w1: 9 applied, 1 already so\n");
        // The config's warnings and the no-systemd note always show; nothing about the journal.
        run.StandardError.ShouldNotContain("journal", Case.Insensitive, run.StandardError);
        var journal = await ReadJournalAsync(w1);
        journal.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(1, "not compacted: the log as it was appended");
        (await lab.SixgillAsync(w1, "plan", "--detailed-exitcode")).ExitCode.ShouldBe(0);

        var clean = await lab.SixgillAsync(w1, "clean");

        clean.ExitCode.ShouldBe(0, clean.StandardError);
        clean.StandardOutput.ShouldStartWith("clean on w1: 9 changes undone, from the journal\n");
        clean.StandardOutput.ShouldNotContain("could not");
        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
        (await lab.SixgillAsync(w1, "plan", "clean", "--detailed-exitcode")).ExitCode.ShouldBe(0);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_state_directory_that_fills_up_partway_rolls_the_run_back_and_counts_right()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);

        // An empty journal of this node and config (what a clean leaves), to pad: tmpfs counts in
        // pages, and a whole run's journal (about 3.3 KB) fits in one; padding leaves `room` bytes.
        (await lab.SixgillAsync(w1, "prepare")).EnsureSuccess();
        (await lab.SixgillAsync(w1, "clean")).EnsureSuccess();
        var empty = (await ReadJournalAsync(w1)).TrimEnd('\n');
        await MountTinyStateDirectoryAsync(w1, "8k");
        var failedAt = new HashSet<string>(StringComparer.Ordinal);

        foreach (var room in new[] { 0, 200, 500, 900, 1300, 1700, 2100, 2500, 2900 })
        {
            var padded = "{" + new string(' ', 4096 - room - empty.Length - 1) + empty[1..] + "\n";
            (await w1.RunAsync(new ProcessRequest(["tee", $"{StateDirectory}/journal.json"]) { StandardInput = padded }, Cancel)).EnsureSuccess();

            var run = await lab.SixgillAsync(w1, "prepare", "--output", "json");

            var what = $"room {room}: {run.StandardError}";
            run.ExitCode.ShouldBe(1, what);
            run.StandardError.ShouldContain("the journal could not record this change, so it was not made (No space left on device", Case.Sensitive, what);
            run.StandardError.ShouldNotContain("internal error", Case.Sensitive, what);
            run.StandardError.ShouldNotContain("could not roll back", Case.Sensitive, what);
            run.StandardError.ShouldContain("the node is as it was before this run", Case.Sensitive, what);
            using (var report = JsonDocument.Parse(run.StandardOutput))
            {
                var root = report.RootElement;
                var applied = root.GetProperty("applied").GetInt32();
                var rolledBack = root.GetProperty("rolledBack").EnumerateArray().ToList();
                rolledBack.Count.ShouldBe(applied, what);
                rolledBack.ShouldAllBe(r => r.GetProperty("status").GetString() == "reverted", what);
                run.StandardError.ShouldContain(applied == 0 ? "; nothing had to be rolled back" : "; rolled back: ", Case.Sensitive, what);
                failedAt.Add(root.GetProperty("failure").GetProperty("id").GetString()!);
            }

            (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before, what);
            var clean = await lab.SixgillAsync(w1, "clean");
            clean.ExitCode.ShouldBe(0, $"room {room}: {clean.StandardError}");
            clean.StandardOutput.ShouldNotContain("SOME FAILED");
            (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before, $"room {room}, after clean");
        }

        failedAt.Count.ShouldBeGreaterThan(4, "the runs ran out of room at different steps");
    }

    /// <summary>A tmpfs of <paramref name="size"/> on the state directory, in the node's own mount namespace (gone with the lab).</summary>
    private static async Task MountTinyStateDirectoryAsync(LabNode node, string size) =>
        await PrepareLab.ShAsync(node, $"mkdir -p {StateDirectory} && mount -n -t tmpfs -o size={size},mode=0755 sixgill-test {StateDirectory}");

    private static async Task<string> ReadJournalAsync(LabNode node) => await PrepareLab.ShAsync(node, $"cat {StateDirectory}/journal.json");

    /// <summary>The entries of a journal as it stands (a compact one: its first line).</summary>
    private static int JournalEntries(string journal)
    {
        using var document = JsonDocument.Parse(journal.Split('\n')[0]);
        return document.RootElement.GetProperty("entries").GetArrayLength();
    }

    /// <summary>Every step of w1's prepare plan with its number (1-based, as the test hooks count).</summary>
    private static async Task<List<PlannedStep>> PlanAsync(PrepareLab lab)
    {
        var plan = await lab.SixgillAsync(lab.Node("w1"), "plan", "--output", "json");
        using var json = JsonDocument.Parse(plan.EnsureSuccess().StandardOutput);
        return [.. json.RootElement.GetProperty("steps").EnumerateArray().Select((s, i) => new PlannedStep(
            i + 1, s.GetProperty("symbol").GetString() ?? "", s.GetProperty("id").GetString() ?? "", s.GetProperty("description").GetString() ?? ""))];
    }

    private sealed record PlannedStep(int Number, string Symbol, string Id, string Description)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number} {Id}");
    }
}
