using Sixgill.Cli;
using Sixgill.Docker;
using Sixgill.Kube;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Cli;

/// <summary>
/// lab, images and init take their adapters from the same seam as the change commands (the
/// environment <c>SixgillCli</c> is given): in-process, with fakes, they touch nothing of this machine.
/// </summary>
public sealed class CommandSeamTests
{
    private const string NodesCopy = "# the node's copy\n";

    private static readonly LabAdapters RootWithEverything = new(new FakeProcessRunner(), IsRoot: true, IsInstalled: _ => true);

    [Fact]
    public void Lab_status_asks_the_seam_which_programs_are_installed_and_stops_before_running_anything()
    {
        var runner = new FakeProcessRunner();
        var environment = new FakeChangeNode().Environment() with { Lab = RootWithEverything with { Runner = runner, IsInstalled = program => program != "ip" } };

        var run = CliRun.On(environment, "lab", "status", "--name", "unitx");

        run.ExitCode.ShouldBe(ExitCodes.Precondition);
        run.Error.ShouldContain("Debian package iproute2");
        run.Error.ShouldContain("fix: apt-get install -y iproute2");
        runner.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void Lab_commands_ask_the_seam_whether_they_run_as_root_and_stop_before_running_anything()
    {
        var runner = new FakeProcessRunner();
        var environment = new FakeChangeNode().Environment() with { Lab = RootWithEverything with { Runner = runner, IsRoot = false } };

        var run = CliRun.On(environment, "lab", "down", "--name", "unitx");

        run.ExitCode.ShouldBe(ExitCodes.Precondition);
        run.Error.ShouldContain("lab down works with this machine's namespaces and mounts: it needs root");
        runner.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void Images_build_reports_an_engine_that_does_not_answer_with_exit_3_and_the_fix()
    {
        var engine = new FakeDockerEngine { Reachable = false };
        var environment = new FakeChangeNode().Environment() with { Images = new ImageAdapters(() => engine, new FakeProcessRunner(), IsRoot: true) };

        var run = CliRun.On(environment, "images", "build");

        run.ExitCode.ShouldBe(ExitCodes.Precondition);
        run.Error.ShouldContain($"the Docker Engine does not answer at {engine.Endpoint}");
        run.Error.ShouldContain("; nothing was built");
        run.Error.ShouldContain("fix: start the Docker Engine");
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public void Images_build_leaves_images_the_engine_has_and_runs_nothing()
    {
        var engine = new FakeDockerEngine().WithImages([.. ImageRecipes.Services.Select(s => ImageRecipes.Image(s).Reference)]);
        var runner = new FakeProcessRunner();
        var environment = new FakeChangeNode().Environment() with { Images = new ImageAdapters(() => engine, runner, IsRoot: false) };

        var run = CliRun.On(environment, "images", "build");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldStartWith($"images for the Docker Engine at {engine.Endpoint}");
        run.Out.Split('\n').Count(l => l.EndsWith(": already there", StringComparison.Ordinal)).ShouldBe(ImageRecipes.Services.Count);
        runner.Requests.ShouldBeEmpty();
        engine.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void Init_reads_and_writes_the_config_and_the_CA_through_the_node()
    {
        var text = File.ReadAllText(CliRun.Example("lab.yaml"));
        var config = CliRun.TempConfig(text);
        try
        {
            // The node's copy differs from this machine's by a last line: init must edit the node's.
            var node = new FakeChangeNode();
            node.Files.WithFile(Path.GetFullPath(config), text + NodesCopy);

            var run = CliRun.On(node.Environment(), "init", "-c", config, "--host", "gw");

            run.ExitCode.ShouldBe(0, run.Error);
            File.ReadAllText(config).ShouldBe(text, "the file on this machine is not the node's");
            var edited = node.Files.Text(Path.GetFullPath(config)).ShouldNotBeNull();
            edited.ShouldEndWith(NodesCopy);
            edited.ShouldContain("token_cert_hash:");
            node.Files.Text(ClusterCaFiles.Certificate).ShouldNotBeNull().ShouldStartWith("-----BEGIN CERTIFICATE-----");
            run.Out.ShouldContain("(new) are in " + Path.GetFullPath(config));
        }
        finally
        {
            File.Delete(config);
        }
    }
}
