using System.CommandLine;
using System.Text.Json;
using Sixgill.Cli;
using Sixgill.Cli.Fleet;

namespace Sixgill.Tests.Cli;

/// <summary>The pure parts of <c>--all</c>: what each node is asked to run, the worst exit code, the changes a node's report counts.</summary>
public sealed class FleetCommandLineTests
{
    private static IReadOnlyList<string> NodeLine(params string[] typed)
    {
        var global = new GlobalOptions();
        var root = SixgillCli.Build(global);
        var parsed = root.Parse(typed);
        parsed.Errors.ShouldBeEmpty();
        var fleet = new FleetOptions();
        return NodeArguments.From(parsed, global, fleet, "/etc/sixgill/cluster.yaml")("w1");
    }

    [Fact]
    public void A_node_gets_the_command_without_what_only_means_something_here()
    {
        NodeLine("prepare", "--all", "-c", "lab.yaml", "--ssh-key", "/k", "--accept-new-host-keys", "--parallel", "4", "--ssh-kex", "curve25519-sha256", "-v")
            .ShouldBe(["prepare", "-v", "-c", "/etc/sixgill/cluster.yaml", "--host", "w1", "--output", "json"]);
    }

    [Theory]
    [InlineData("plan", "--ssh-key", "/k")]
    [InlineData("prepare", "--accept-new-host-keys")]
    [InlineData("clean", "--parallel", "4")]
    [InlineData("verify", "--ssh-kex", "curve25519-sha256")]
    [InlineData("up", "--connect-timeout", "3")]
    public void An_option_for_the_nodes_without_all_or_node_runs_nothing_here(string command, string option, params string[] value)
    {
        var run = CliRun.Of([command, "-c", CliRun.Example("lab.yaml"), "--host", "w1", option, .. value]);

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldBe($"sixgill: {option} is for a run on the nodes over SSH, and neither --all nor --node is given; nothing was run\n"
            + $"  fix: add --all (every node) or --node NAME, or leave {option} out to run on this machine\n");
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_keeps_its_verb_and_detailed_exit_code_and_the_output_is_json_for_this_machine_to_read()
    {
        NodeLine("plan", "up", "--detailed-exitcode", "--node", "w1", "--node", "w2", "--output", "text", "--connect-timeout", "3")
            .ShouldBe(["plan", "up", "--detailed-exitcode", "-c", "/etc/sixgill/cluster.yaml", "--host", "w1", "--output", "json"]);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("--all", true)]
    [InlineData("--node w1", true)]
    [InlineData("--node w1 --node w2", true)]
    [InlineData("--parallel 4", false)]
    public void A_fleet_run_is_asked_for_by_all_or_a_node(string typed, bool requested)
    {
        var fleet = new FleetOptions();
        var command = new Command("prepare");
        fleet.AddTo(command);
        var parsed = command.Parse(typed.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        parsed.Errors.ShouldBeEmpty();

        fleet.Requested(parsed).ShouldBe(requested);
    }

    [Theory]
    [InlineData(new[] { 0, 0 }, 0)]
    [InlineData(new[] { 0, 10 }, 10)]
    [InlineData(new[] { 10, 3 }, 3)]
    [InlineData(new[] { 3, 1, 0 }, 1)]
    [InlineData(new[] { 1, 130 }, 130)]
    [InlineData(new[] { 0, 255 }, 1)]
    public void The_exit_code_is_the_worst_nodes(int[] codes, int worst) => FleetCommand.Worst(codes).ShouldBe(worst);

    [Theory]
    [InlineData("""{"command":"prepare","applied":5,"steps":[]}""", "5 applied")]
    [InlineData("""{"command":"clean","undone":[{"status":"reverted"},{"status":"nothing-to-do"},{"status":"reverted"}]}""", "2 undone")]
    [InlineData("""{"command":"prepare","changesPending":true,"steps":[{"symbol":"+"},{"symbol":"="},{"symbol":"~"}]}""", "2 pending")]
    [InlineData("""{"other":1}""", "")]
    public void A_nodes_changes_are_counted_from_its_own_report(string json, string changes)
    {
        using var document = JsonDocument.Parse(json);
        NodeOutcome.CountChanges(document.RootElement).ShouldBe(changes);
    }

    [Fact]
    public void Every_command_that_reaches_nodes_takes_all_and_node()
    {
        var root = SixgillCli.Build(new GlobalOptions());
        foreach (var name in new[] { "prepare", "clean", "plan", "up", "down", "verify", "init" })
        {
            var command = root.Subcommands.Single(c => c.Name == name);
            command.Options.Select(o => o.Name).ShouldContain("--all", name);
            command.Options.Select(o => o.Name).ShouldContain("--node", name);
            command.Options.Select(o => o.Name).ShouldContain("--accept-new-host-keys", name);
        }
    }
}
