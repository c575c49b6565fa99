using System.Text.Json;
using Sixgill.Cli.Change;
using Sixgill.Facts;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Cli;

/// <summary>plan, prepare and clean run in-process against a node of fakes: output, JSON, masking, exit codes.</summary>
public sealed class ChangeVerbRunnerTests
{
    private const string LabToken = "abcdef.0123456789abcdef";

    private static readonly string Config = CliRun.Example("lab.yaml");

    [Fact]
    public void Plan_lists_each_step_with_its_symbol_and_a_summary_and_changes_nothing()
    {
        var node = new FakeChangeNode();
        var before = node.Snapshot();

        var run = CliRun.On(node.Environment(), Args("plan"));

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = Lines(run.Out);
        lines[0].ShouldBe("plan: prepare on w1");
        lines[1].ShouldBe("+ address fd00:20::3/64 on eth1");
        lines[2].ShouldBe("~ sysctl net.ipv6.conf.all.forwarding = 1  (now 0)");
        lines[3].ShouldBe("~ sysctl net.bridge.bridge-nf-call-ip6tables = 1  (now 0)");
        lines[^1].ShouldBe("7 to add, 3 to change"); // hosts: 127.0.1.1 w1 is disabled, so a change
        node.Snapshot().ShouldBe(before);
        node.Files.Paths.ShouldNotContain("/var/lib/sixgill/journal.json");
    }

    [Fact]
    public void With_detailed_exitcode_plan_exits_10_while_changes_are_pending_and_0_once_prepared()
    {
        var node = new FakeChangeNode();

        CliRun.On(node.Environment(), Args("plan", "--detailed-exitcode")).ExitCode.ShouldBe(10);
        CliRun.On(node.Environment(), Args("plan")).ExitCode.ShouldBe(0);
        CliRun.On(node.Environment(), Args("prepare")).ExitCode.ShouldBe(0);
        var after = CliRun.On(node.Environment(), Args("plan", "--detailed-exitcode"));

        after.ExitCode.ShouldBe(0);
        Lines(after.Out).Skip(1).SkipLast(1).ShouldAllBe(l => l.StartsWith("= ", StringComparison.Ordinal));
        Lines(after.Out)[^1].ShouldBe("no changes: 10 already so");
    }

    [Fact]
    public void Plan_as_json_is_one_document_with_every_step()
    {
        var run = CliRun.On(new FakeChangeNode().Environment(), Args("plan", "--output", "json"));

        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.GetProperty("command").GetString().ShouldBe("prepare");
        root.GetProperty("node").GetString().ShouldBe("w1");
        root.GetProperty("changesPending").GetBoolean().ShouldBeTrue();
        root.GetProperty("fromJournal").ValueKind.ShouldBe(JsonValueKind.Null);
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("id").GetString()).ShouldBe(
        [
            "address:eth1:fd00:20::3/64", "sysctl:net.ipv6.conf.all.forwarding", "sysctl:net.bridge.bridge-nf-call-ip6tables",
            "file:/etc/sysctl.d/60-sixgill.conf", "hosts:/etc/hosts", "nameserver:/etc/resolv.conf", "route:fd00:10:64:ff9b::/96",
            "route:fd00:10::/64", "file:/etc/sixgill/kubelet-resolv.conf", "file:/etc/sixgill/kubeadm.yaml",
        ]);
        steps[0].GetProperty("symbol").GetString().ShouldBe("+");
        steps[0].GetProperty("change").GetString().ShouldBe("add");
        run.Out.ShouldNotContain("\\u002B");
    }

    [Fact]
    public void Prepare_reports_what_it_applied_a_second_run_applies_nothing_and_clean_restores_the_node()
    {
        var node = new FakeChangeNode();
        var before = node.Snapshot();

        var prepare = CliRun.On(node.Environment(), Args("prepare"));
        var again = CliRun.On(node.Environment(), Args("prepare", "--output", "json"));

        prepare.ExitCode.ShouldBe(0, prepare.Error);
        Lines(prepare.Out)[0].ShouldBe("prepare on w1: 10 applied, 0 already so");
        node.Files.Text("/etc/hosts").ShouldNotBeNull().ShouldContain("fd00:20::3 w1 # sixgill");
        using (var json = JsonDocument.Parse(again.Out))
        {
            json.RootElement.GetProperty("result").GetString().ShouldBe("done");
            json.RootElement.GetProperty("applied").GetInt32().ShouldBe(0);
        }

        var clean = CliRun.On(node.Environment(), Args("clean"));

        clean.ExitCode.ShouldBe(0, clean.Error);
        Lines(clean.Out)[0].ShouldBe("clean on w1: 10 changes undone, from the journal");
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Prepare_dry_run_is_the_plan()
    {
        var node = new FakeChangeNode();
        var before = node.Snapshot();

        var run = CliRun.On(node.Environment(), Args("prepare", "--dry-run"));

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldBe(CliRun.On(node.Environment(), Args("plan")).Out);
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Not_root_is_exit_3_with_the_sudo_line_and_nothing_changes()
    {
        var node = new FakeChangeNode { IsRoot = false };
        var before = node.Snapshot();

        var run = CliRun.On(node.Environment(), Args("prepare"));

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain("prepare changes this node: run as root");
        run.Error.ShouldContain($"fix: sudo sixgill prepare -c {Config} --host w1");
        node.Snapshot().ShouldBe(before);
        CliRun.On(node.Environment(), Args("plan")).ExitCode.ShouldBe(0, "plan works as any user");
    }

    [Fact]
    public void A_missing_ip_is_exit_3_with_the_package_to_install()
    {
        var node = new FakeChangeNode();
        node.Programs.Remove("ip");

        var run = CliRun.On(node.Environment(), Args("prepare"));

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain("the program 'ip' is missing; nothing was changed");
        run.Error.ShouldContain("fix: apt-get install -y iproute2");
    }

    [Fact]
    public void A_program_missing_only_when_a_probe_runs_it_is_exit_3_too()
    {
        var node = new FakeChangeNode();
        node.FakeNetwork.IpMissing = true;

        var run = CliRun.On(node.Environment(), Args("prepare"));

        run.ExitCode.ShouldBe(3, run.Error);
        run.Error.ShouldContain("cannot run 'ip'");
        run.Error.ShouldContain("apt-get install -y iproute2");
    }

    [Fact]
    public void A_missing_interface_is_exit_3_naming_it_and_nothing_changes()
    {
        var node = new FakeChangeNode();
        node.NetworkOverride = new FakeNetwork().WithLink("eth0", true);
        var before = node.Snapshot();

        var run = CliRun.On(node.Environment(), Args("prepare"));

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain("interface eth1 does not exist on this node (w1); nothing was changed");
        run.Error.ShouldContain("fix: set topology.w1.interface");
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_lock_held_by_another_run_is_exit_3_naming_its_pid()
    {
        var node = new FakeChangeNode();
        node.Lock.HeldBy = 4242;

        var prepare = CliRun.On(node.Environment(), Args("prepare"));
        var clean = CliRun.On(node.Environment(), Args("clean"));

        prepare.ExitCode.ShouldBe(3);
        prepare.Error.ShouldContain("another sixgill (pid 4242) is changing this node");
        prepare.Error.ShouldContain("fix: wait until pid 4242 has finished");
        clean.ExitCode.ShouldBe(3);
    }

    [Fact]
    public void A_failed_step_is_exit_1_naming_it_and_what_was_rolled_back()
    {
        var node = new FakeChangeNode();
        var before = node.Snapshot();
        node.FailRouteChanges("RTNETLINK answers: Network is unreachable");

        var run = CliRun.On(node.Environment(), Args("prepare"));

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("prepare failed at 'route fd00:10:64:ff9b::/96 via fd00:20::2 dev eth1': RTNETLINK answers: Network is unreachable");
        run.Error.ShouldContain("rolled back: delete route fd00:10:64:ff9b::/96");
        run.Error.ShouldContain("remove address fd00:20::3/64 from eth1");
        run.Error.ShouldContain("the node is as it was before this run");
        Lines(run.Out)[0].ShouldBe("prepare on w1: FAILED, rolled back");
        run.Out.ShouldContain("! route fd00:10:64:ff9b::/96 via fd00:20::2 dev eth1: RTNETLINK answers: Network is unreachable");
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void The_fail_step_hook_fails_the_kth_step_after_applying_it_and_all_is_rolled_back()
    {
        var node = new FakeChangeNode();
        var before = node.Snapshot();

        var run = CliRun.On(node.Environment(new TestHooks("5", null, null)), Args("prepare", "--output", "json"));

        run.ExitCode.ShouldBe(1);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("failure").GetProperty("id").GetString().ShouldBe("hosts:/etc/hosts");
        json.RootElement.GetProperty("rolledBack").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ShouldAllBe(s => s == "reverted");
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Secrets_never_reach_stdout_or_stderr_in_text_or_json()
    {
        foreach (var output in new[] { "text", "json" })
        {
            var node = new FakeChangeNode();
            node.FailRouteChanges($"kubeadm said: bad token {LabToken} (secret 0123456789abcdef)");

            var run = CliRun.On(node.Environment(), Args("prepare", "--output", output, "-vv"));

            run.ExitCode.ShouldBe(1);
            (run.Out + run.Error).ShouldNotContain("0123456789abcdef");
            run.Error.ShouldContain("abcdef.****************");
        }
    }

    [Fact]
    public void An_invalid_config_is_exit_2_and_nothing_changes()
    {
        var node = new FakeChangeNode();
        var before = node.Snapshot();
        var path = CliRun.TempConfig(File.ReadAllText(Config).Replace("id: 3", "id: three", StringComparison.Ordinal));
        try
        {
            var run = CliRun.On(node.Environment(), "prepare", "-c", path, "--host", "w1");

            run.ExitCode.ShouldBe(2);
            run.Error.ShouldContain("SG005");
            node.Snapshot().ShouldBe(before);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_host_not_in_the_topology_is_exit_2()
    {
        var run = CliRun.On(new FakeChangeNode().Environment(), "plan", "-c", Config, "--host", "nosuch");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("SG070");
    }

    [Fact]
    public void In_json_mode_an_error_is_a_json_document_on_stdout_too()
    {
        var run = CliRun.On(new FakeChangeNode { IsRoot = false }.Environment(), Args("clean", "--output", "json"));

        run.ExitCode.ShouldBe(3);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("exitCode").GetInt32().ShouldBe(3);
        json.RootElement.GetProperty("error").GetString().ShouldBe("clean changes this node: run as root");
    }

    [Fact]
    public void Clean_without_a_journal_undoes_what_the_probes_find_and_says_so()
    {
        var node = new FakeChangeNode();
        var before = node.Snapshot();
        CliRun.On(node.Environment(), Args("prepare")).ExitCode.ShouldBe(0);
        node.Files.Delete("/var/lib/sixgill/journal.json");

        var plan = CliRun.On(node.Environment(), Args("plan", "clean"));
        var clean = CliRun.On(node.Environment(), Args("clean", "--output", "json"));

        Lines(plan.Out)[1].ShouldStartWith("no journal: these come from probing the node");
        clean.ExitCode.ShouldBe(0, clean.Error);
        clean.Error.ShouldContain("warning: no journal at /var/lib/sixgill/journal.json: undoing what the probes find");
        using (var json = JsonDocument.Parse(clean.Out))
        {
            json.RootElement.GetProperty("fromJournal").GetBoolean().ShouldBeFalse();
        }

        // Everything but the sysctls, whose values from before nobody recorded.
        node.Sysctl.With("net.ipv6.conf.all.forwarding", "0").With("net.bridge.bridge-nf-call-ip6tables", "0");
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_journal_that_cannot_be_read_is_exit_3_and_nothing_is_guessed()
    {
        var node = new FakeChangeNode();
        node.Files.WithDirectory("/var/lib/sixgill").WithFile("/var/lib/sixgill/journal.json", "{ not json");

        var run = CliRun.On(node.Environment(), Args("clean"));

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain("Sixgill will not guess what to undo");
    }

    [Fact]
    public void Without_a_bootstrap_token_prepare_stops_with_exit_3_and_plan_shows_why()
    {
        var node = new FakeChangeNode();
        node.NetworkOverride = new FakeNetwork().WithLink("eth0", true);
        string[] orca = ["-c", CliRun.Example("orca.yaml"), "--host", "a-minion"];

        var prepare = CliRun.On(node.Environment(), ["prepare", .. orca]);
        var plan = CliRun.On(node.Environment(), ["plan", .. orca]);

        prepare.ExitCode.ShouldBe(3);
        prepare.Error.ShouldContain("sixgill init");
        plan.ExitCode.ShouldBe(0);
        plan.Out.ShouldContain("! there is no bootstrap token");
    }

    [Fact]
    public void With_systemd_resolved_but_no_systemd_the_drop_in_is_written_with_a_warning()
    {
        var node = new FakeChangeNode { Facts = new NodeFacts(ResolverSetup.SystemdResolvedStub, SystemdState.NotRunning) };

        var run = CliRun.On(node.Environment(), Args("prepare"));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldContain("warning: PID 1 is not systemd: /etc/systemd/resolved.conf.d/60-sixgill.conf is written but systemd-resolved.service is not restarted");
        node.Files.Text("/etc/systemd/resolved.conf.d/60-sixgill.conf").ShouldNotBeNull().ShouldContain("DNS=fd00:10::100");
        node.Files.Text("/etc/resolv.conf").ShouldBe(FakeChangeNode.Resolv);
    }

    [Fact]
    public void Verbose_shows_progress_and_trace_shows_journal_saves_and_phase_times_on_stderr()
    {
        var verbose = CliRun.On(new FakeChangeNode().Environment(), Args("prepare", "-v"));
        var trace = CliRun.On(new FakeChangeNode().Environment(), Args("prepare", "-vv"));

        verbose.Error.ShouldContain("  applying: address fd00:20::3/64 on eth1");
        verbose.Error.ShouldContain("  applied: address fd00:20::3/64 on eth1");
        verbose.Error.ShouldNotContain("journal saved");
        trace.Error.ShouldContain("  journal saved (1 entries)");
        trace.Error.ShouldContain("  time: run ");
        Lines(trace.Out)[0].ShouldBe("prepare on w1: 10 applied, 0 already so");
    }

    [Fact]
    public void Plan_of_a_command_that_changes_nothing_is_a_usage_error()
    {
        var run = CliRun.On(new FakeChangeNode().Environment(), Args("plan", "validate"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("validate");
    }

    private static string[] Args(params string[] args) => [.. args, "-c", Config, "--host", "w1"];

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}
