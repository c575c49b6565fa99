using System.Globalization;
using System.Text.Json;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>prepare either completes or leaves the node as it was: a failing step, a kill -9, a second run.</summary>
public sealed class PrepareFailureTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failure_at_any_step_rolls_back_everything_this_run_applied_and_exits_1()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);
        var steps = await PlannedStepsAsync(lab);

        for (var k = 1; k <= steps.Count; k++)
        {
            var run = await lab.SixgillAsync(w1, Env("SIXGILL_TEST_FAIL_STEP", k), "prepare");

            run.ExitCode.ShouldBe(1, $"step {k}: {run.StandardError}");
            run.StandardError.ShouldContain($"failed at '{steps[k - 1]}'");
            run.StandardError.ShouldContain(k == 1 ? "rolled back: remove address" : "rolled back:");
            (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before, $"after a failure at step {k}");
        }
    }

    [Fact]
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
            report.RootElement.GetProperty("failure").GetProperty("id").GetString().ShouldBe("file:/etc/sixgill/kubeadm.yaml");
            report.RootElement.GetProperty("rolledBack").GetArrayLength().ShouldBe(8, "the failed step's own intent and the seven applied before it");
        }

        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
    }

    [Fact]
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
            JsonDocument.Parse(await PrepareLab.ShAsync(w1, "cat /var/lib/sixgill/journal.json")).Dispose();

            var clean = await lab.SixgillAsync(w1, "clean");

            clean.ExitCode.ShouldBe(0, $"{hook}={n}: {clean.StandardError}");
            (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before, $"clean after a kill at {hook}={n}");
        }
    }

    [Fact]
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
        JsonDocument.Parse(await PrepareLab.ShAsync(w1, "cat /var/lib/sixgill/journal.json")).Dispose();
        await first.WaitForExitAsync(Cancel);
        first.ExitCode.ShouldBe(0, first.StandardError);
        holder.ShouldBe(first.Pid.ToString(CultureInfo.InvariantCulture));
        using var journal = JsonDocument.Parse(await PrepareLab.ShAsync(w1, "cat /var/lib/sixgill/journal.json"));
        journal.RootElement.GetProperty("entries").GetArrayLength().ShouldBe(8);
    }

    /// <summary>The step descriptions of w1's prepare, in order, from <c>plan --output json</c>.</summary>
    internal static async Task<IReadOnlyList<string>> PlannedStepsAsync(PrepareLab lab)
    {
        var plan = await lab.SixgillAsync(lab.Node("w1"), "plan", "--output", "json");
        using var json = JsonDocument.Parse(plan.EnsureSuccess().StandardOutput);
        return [.. json.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("description").GetString() ?? "")];
    }

    private static Dictionary<string, string?> Env(string name, int value) => new() { [name] = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Waits (bounded) until a run holds the lock and has written its pid into it.</summary>
    private static async Task<string> LockHolderAsync(Lab.LabNode node)
    {
        for (var i = 0; i < 200; i++)
        {
            var pid = (await node.RunAsync(["cat", "/var/lib/sixgill/lock"], Cancel)).StandardOutput.Trim();
            if (pid.Length > 0)
            {
                return pid;
            }

            await Task.Delay(10, Cancel);
        }

        throw new TimeoutException("the first prepare never took the lock");
    }
}
