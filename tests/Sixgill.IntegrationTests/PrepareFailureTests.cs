using System.Globalization;
using System.Text.Json;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>prepare either completes or leaves the node as it was: a failing step, a kill -9, a second run.</summary>
public sealed class PrepareFailureTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_failure_at_any_step_rolls_back_everything_this_run_applied_and_exits_1()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);
        var steps = await PlannedStepsAsync(lab);
        var ids = await PlannedStepIdsAsync(lab);
        ids.Count.ShouldBe(steps.Count);

        for (var k = 1; k <= steps.Count; k++)
        {
            // By step id: the plan's "=" steps (left out here) still count in the hook's step numbers.
            var run = await lab.SixgillAsync(w1, new Dictionary<string, string?> { ["SIXGILL_TEST_FAIL_STEP"] = ids[k - 1] }, "prepare");

            run.ExitCode.ShouldBe(1, $"step {k}: {run.StandardError}");
            run.StandardError.ShouldContain($"failed at '{steps[k - 1]}'");
            run.StandardError.ShouldContain(k == 1 ? "rolled back: remove address" : "rolled back:");
            (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before, $"after a failure at step {k}");
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_real_failure_at_the_last_step_rolls_back_the_others()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        await PrepareLab.ShAsync(w1, "touch /etc/sixgill"); // a file where the kubeadm file's directory must go
        var before = await PrepareNodeState.TakeAsync(w1);

        var run = await lab.SixgillAsync(w1, "prepare", "--output", "json");

        run.ExitCode.ShouldBe(1, run.StandardError);
        using (var report = JsonDocument.Parse(run.StandardOutput))
        {
            report.RootElement.GetProperty("result").GetString().ShouldBe("failed");
            report.RootElement.GetProperty("failure").GetProperty("id").GetString().ShouldBe("file:/etc/sixgill/kubelet-resolv.conf");
            report.RootElement.GetProperty("rolledBack").GetArrayLength().ShouldBe(8, "the failed step's own intent and the seven applied before it");
        }

        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task After_a_kill_9_at_every_journal_save_clean_restores_the_node_byte_for_byte()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);
        var saves = (await PlannedStepsAsync(lab)).Count + 1; // each step's intent, then the last applied mark

        // After save n: step n's intent is on disk, its change not made. Before save n: step n-1's
        // change is made and the journal still says "applying". Together: every point of the run.
        var crashes = Enumerable.Range(1, saves).Select(n => ("SIXGILL_TEST_KILL_AFTER", n))
            .Concat(Enumerable.Range(2, saves - 1).Select(n => ("SIXGILL_TEST_KILL_BEFORE", n)));
        foreach (var (hook, n) in crashes)
        {
            var killed = await lab.SixgillAsync(w1, Env(hook, n), "prepare");
            killed.ExitCode.ShouldBe(128 + 9, $"{hook}={n}: {killed.StandardError}");
            EveryLineIsJson(await PrepareLab.ShAsync(w1, "cat /var/lib/sixgill/journal.json"));

            var clean = await lab.SixgillAsync(w1, "clean");

            clean.ExitCode.ShouldBe(0, $"{hook}={n}: {clean.StandardError}");
            (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before, $"clean after a kill at {hook}={n}");
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_journal_of_the_previous_format_is_still_undone_by_clean()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);
        (await lab.SixgillAsync(w1, "prepare")).EnsureSuccess();

        // The same journal as the previous release wrote it: version 2, one indented document.
        var journal = System.Text.Json.Nodes.JsonNode.Parse(await PrepareLab.ShAsync(w1, "cat /var/lib/sixgill/journal.json"))!;
        journal["version"] = 2;
        var legacy = journal.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        (await w1.RunAsync(new ProcessRequest(["tee", "/var/lib/sixgill/journal.json"]) { StandardInput = legacy }, Cancel)).EnsureSuccess();

        var clean = await lab.SixgillAsync(w1, "clean");

        clean.ExitCode.ShouldBe(0, clean.StandardError);
        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
        using var after = JsonDocument.Parse(await PrepareLab.ShAsync(w1, "cat /var/lib/sixgill/journal.json"));
        after.RootElement.GetProperty("version").GetInt32().ShouldBe(3);
        after.RootElement.GetProperty("entries").GetArrayLength().ShouldBe(0);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Of_two_prepares_at_once_one_exits_3_naming_the_other_and_the_journal_stays_valid()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        // Real duplicate address detection holds the first run in its address step for about 2 s, lock held.
        await PrepareLab.ShAsync(w1, "sysctl -q -w net.ipv6.conf.eth1.accept_dad=1 net.ipv6.conf.eth1.dad_transmits=2");
        // Not disposed here: the lab ends it (by pid) if the test fails before it exits.
        var first = w1.Start(new ProcessRequest([SixgillInNode.Executable, "prepare", "-c", lab.ConfigPath]));
        var holder = await LockHolderAsync(w1);

        var second = await lab.SixgillAsync(w1, "prepare");

        second.ExitCode.ShouldBe(3, second.StandardError);
        second.StandardError.ShouldContain($"pid {holder}");
        EveryLineIsJson(await PrepareLab.ShAsync(w1, "cat /var/lib/sixgill/journal.json"));
        await first.WaitForExitAsync(Cancel);
        first.ExitCode.ShouldBe(0, first.StandardError);
        holder.ShouldBe(first.Pid.ToString(CultureInfo.InvariantCulture));
        using var journal = JsonDocument.Parse(await PrepareLab.ShAsync(w1, "cat /var/lib/sixgill/journal.json"));
        journal.RootElement.GetProperty("entries").GetArrayLength().ShouldBe(9, "ten steps, the bridge netfilter sysctl already 1");
    }

    /// <summary>A journal during a run (or killed in one) is a log: one JSON value a line, every line whole.</summary>
    private static void EveryLineIsJson(string journal)
    {
        var lines = journal.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            JsonDocument.Parse(line).Dispose();
        }
    }

    /// <summary>The step descriptions of w1's prepare, in order, from <c>plan --output json</c>.</summary>
    internal static async Task<IReadOnlyList<string>> PlannedStepsAsync(PrepareLab lab)
    {
        var plan = await lab.SixgillAsync(lab.Node("w1"), "plan", "--output", "json");
        using var json = JsonDocument.Parse(plan.EnsureSuccess().StandardOutput);

        // Only the steps prepare will apply: the bridge netfilter sysctl is 1 already in a lab node ("=").
        return [.. json.RootElement.GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("symbol").GetString() != "=")
            .Select(s => s.GetProperty("description").GetString() ?? "")];
    }

    /// <summary>The ids of the steps <see cref="PlannedStepsAsync"/> lists, in the same order.</summary>
    private static async Task<IReadOnlyList<string>> PlannedStepIdsAsync(PrepareLab lab)
    {
        var plan = await lab.SixgillAsync(lab.Node("w1"), "plan", "--output", "json");
        using var json = JsonDocument.Parse(plan.EnsureSuccess().StandardOutput);
        return [.. json.RootElement.GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("symbol").GetString() != "=")
            .Select(s => s.GetProperty("id").GetString() ?? "")];
    }

    private static Dictionary<string, string?> Env(string name, int value) => new() { [name] = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Waits (bounded) until a run holds the lock and has written its pid into it.</summary>
    private static async Task<string> LockHolderAsync(Lab.LabNode node)
    {
        var pid = "";
        await Wait.UntilAsync(
            async () => (pid = (await node.RunAsync(["cat", "/var/lib/sixgill/lock"], Cancel)).StandardOutput.Trim()).Length > 0,
            "the first prepare to take the lock", poll: TimeSpan.FromMilliseconds(10), cancellationToken: Cancel);
        return pid;
    }
}
