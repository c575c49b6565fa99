using Sixgill.Cli.Commands;

namespace Sixgill.Tests.Cli;

/// <summary>up, down and plan up in-process against a node of fakes (w1 of examples/lab.yaml): output, exit codes, rollback.</summary>
public sealed class UpDownCommandTests
{
    private static readonly string Config = CliRun.Example("lab.yaml");

    [Fact]
    public void Up_joins_a_prepared_minion_a_second_up_does_nothing_and_down_takes_it_back()
    {
        var node = Prepared();
        var prepared = node.Snapshot();

        var up = CliRun.On(node.Environment(), Args("up"));
        var again = CliRun.On(node.Environment(), Args("up"));
        var down = CliRun.On(node.Environment(), Args("down"));

        up.ExitCode.ShouldBe(0, up.Error);
        Lines(up.Out)[0].ShouldBe("up on w1: 4 applied, 0 already so");
        Lines(up.Out).ShouldContain("+ kubeadm join --config /etc/sixgill/kubeadm.yaml");
        Lines(again.Out)[0].ShouldBe("up on w1: 0 applied, 4 already so");
        down.ExitCode.ShouldBe(0, down.Error);
        node.Kubeadm.Calls.ShouldBe(["join --config /etc/sixgill/kubeadm.yaml", "reset --force"]);
        node.Files.DeleteDirectoryIfEmpty("/etc/kubernetes"); // kubeadm's own directory; reset keeps it
        node.Snapshot().ShouldBe(prepared);
    }

    [Fact]
    public void A_failing_kubeadm_exits_1_naming_the_step_and_the_rollback()
    {
        var node = Prepared();
        var prepared = node.Snapshot();
        node.Kubeadm.FailOn = "join";

        var up = CliRun.On(node.Environment(), Args("up"));

        up.ExitCode.ShouldBe(1);
        up.Error.ShouldContain("up failed at 'kubeadm join --config /etc/sixgill/kubeadm.yaml'");
        up.Error.ShouldContain("rolled back: kubeadm reset --force;");
        node.Snapshot().ShouldBe(prepared);
    }

    [Fact]
    public void Without_kubeadm_up_exits_3_and_changes_nothing()
    {
        var node = Prepared();
        var prepared = node.Snapshot();
        node.Kubeadm.InstalledVersion = null;

        var up = CliRun.On(node.Environment(), Args("up"));

        up.ExitCode.ShouldBe(3);
        up.Error.ShouldContain("kubeadm is not installed");
        node.Snapshot().ShouldBe(prepared);
    }

    [Fact]
    public void Plan_up_shows_the_steps_and_plan_down_what_down_would_take_back()
    {
        var node = Prepared();

        var planUp = CliRun.On(node.Environment(), Args("plan", "up"));
        CliRun.On(node.Environment(), Args("up")).ExitCode.ShouldBe(0);
        var planDown = CliRun.On(node.Environment(), Args("plan", "down"));
        var dryRun = CliRun.On(node.Environment(), Args("up", "--dry-run"));

        planUp.ExitCode.ShouldBe(0, planUp.Error);
        Lines(planUp.Out).ShouldContain("+ route fd00:40:0:0:4::/80 via fd00:20::4 dev eth1");
        Lines(planUp.Out).ShouldContain("+ kubeadm join --config /etc/sixgill/kubeadm.yaml");
        Lines(planDown.Out).ShouldContain(l => l.StartsWith("- kubeadm reset --force", StringComparison.Ordinal));
        Lines(dryRun.Out).ShouldContain("= kubeadm join --config /etc/sixgill/kubeadm.yaml  (/etc/kubernetes/kubelet.conf exists: this node is in a cluster already)");
        node.Kubeadm.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public void A_node_that_is_neither_master_nor_minion_has_nothing_to_do()
    {
        var config = CliRun.TempConfig(File.ReadAllText(Config)
            .Replace("opmodes: \"master dns64 nat64\"", "opmodes: \"master\"", StringComparison.Ordinal)
            .Replace("support_net:", "  svc:\n    interface: eth1\n    opmodes: \"dns64 nat64\"\n    id: 9\nsupport_net:", StringComparison.Ordinal));
        try
        {
            var node = new FakeChangeNode();

            var up = CliRun.On(node.Environment(), "up", "-c", config, "--host", "svc");

            up.ExitCode.ShouldBe(0, up.Error);
            up.Error.ShouldContain("svc is neither master nor minion");
            node.Kubeadm.Calls.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h", 3600)]
    [InlineData("2.5m", 150)]
    [InlineData("45", 45)]
    public void Timeouts_are_durations(string text, int seconds)
    {
        KubeadmTimeoutOption.TryParse(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5s")]
    [InlineData("soon")]
    [InlineData("10d")]
    [InlineData("25h")]
    [InlineData("")]
    public void A_timeout_that_is_not_a_positive_duration_of_at_most_a_day_is_refused(string text)
    {
        KubeadmTimeoutOption.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void A_bad_timeout_is_a_command_line_error()
    {
        var run = CliRun.On(new FakeChangeNode().Environment(), Args("up", "--timeout", "soon"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--timeout 'soon' is not a duration");
    }

    private static FakeChangeNode Prepared()
    {
        var node = new FakeChangeNode();
        CliRun.On(node.Environment(), Args("prepare")).ExitCode.ShouldBe(0);
        return node;
    }

    private static string[] Args(params string[] args) => [.. args, "-c", Config, "--host", "w1"];

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}
