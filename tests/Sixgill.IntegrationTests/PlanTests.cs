using System.Text.Json;

namespace Sixgill.IntegrationTests;

/// <summary><c>sixgill plan</c> in a lab node: probes only, as root or not, for prepare and for clean.</summary>
public sealed class PlanTests
{
    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Plan_changes_nothing_and_says_what_prepare_would_add()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);

        var plan = await lab.SixgillAsync(w1, "plan", "--output", "json", "--detailed-exitcode");

        plan.ExitCode.ShouldBe(10, plan.StandardError);
        using (var json = JsonDocument.Parse(plan.StandardOutput))
        {
            json.RootElement.GetProperty("command").GetString().ShouldBe("prepare");
            json.RootElement.GetProperty("changesPending").GetBoolean().ShouldBeTrue();
            var symbols = json.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("symbol").GetString()).ToList();
            symbols.Count.ShouldBe(10);
            symbols.Count(s => s == "+" || s == "~").ShouldBe(9, "the bridge netfilter sysctl is 1 already in a lab node");
        }

        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
        (await PrepareLab.ShAsync(w1, "test ! -e /var/lib/sixgill && echo untouched")).Trim().ShouldBe("untouched");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task As_a_normal_user_plan_reads_what_it_can_and_says_what_it_could_not()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        (await lab.SixgillAsync(w1, "prepare")).ExitCode.ShouldBe(0);

        var plan = await w1.RunAsync(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", SixgillInNode.Executable, "plan", "-c", lab.ConfigPath],
            TestContext.Current.CancellationToken);

        plan.ExitCode.ShouldBe(0, plan.StandardError);
        var lines = plan.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain(l => l.StartsWith("? file /etc/sixgill/kubeadm.yaml", StringComparison.Ordinal)); // 0600: only root reads it
        lines.Where(l => l.Contains("kubeadm", StringComparison.Ordinal) is false).Skip(1).SkipLast(1).ShouldAllBe(l => l.StartsWith("= ", StringComparison.Ordinal));
        plan.StandardError.ShouldContain("could not be probed");
        plan.StandardError.ShouldContain("sudo sixgill plan");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Plan_clean_lists_the_journal_newest_first_or_says_there_is_none()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        (await lab.SixgillAsync(w1, "prepare")).ExitCode.ShouldBe(0);

        var fromJournal = await lab.SixgillAsync(w1, "plan", "clean", "--detailed-exitcode");

        fromJournal.ExitCode.ShouldBe(10, fromJournal.StandardError);
        var lines = fromJournal.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[1].ShouldStartWith("from the journal");
        lines[2].ShouldStartWith("- delete /etc/sixgill/kubeadm.yaml");
        lines[^2].ShouldStartWith("- remove address fd00:20::3/64 from eth1");

        await PrepareLab.ShAsync(w1, "mv /var/lib/sixgill/journal.json /var/lib/sixgill/journal.moved");
        var probed = await lab.SixgillAsync(w1, "plan", "clean", "--output", "json");

        probed.ExitCode.ShouldBe(0, probed.StandardError);
        using var json = JsonDocument.Parse(probed.StandardOutput);
        json.RootElement.GetProperty("fromJournal").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("steps").GetArrayLength().ShouldBe(10);
    }
}
