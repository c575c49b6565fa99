using System.Text.Json;
using Sixgill.Fleet;
using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

public sealed class AdminFleetTests
{
    [Fact]
    public void A_node_of_the_fleet_document_becomes_a_run_with_its_report_as_output_and_its_errors_as_what_it_said()
    {
        using var report = JsonDocument.Parse("""{"checks":[]}""");
        var node = new FleetNodeJson("w1", "root@w1", "failed", 3, "0 applied", 1.5, [], null, ["first", "second"], report.RootElement.Clone());

        var run = AdminFleet.Run(node);

        run.Node.ShouldBe("w1");
        run.ExitCode.ShouldBe(3);
        run.Elapsed.ShouldBe(TimeSpan.FromSeconds(1.5));
        run.StandardOutput.ShouldBe("""{"checks":[]}""");
        run.StandardError.ShouldBe("first\nsecond");
        run.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void A_node_that_was_not_started_keeps_the_reason_and_has_no_report()
    {
        var run = AdminFleet.Run(new FleetNodeJson("w2", "root@w2", "not started", NodeRun.NotStartedCode, "", 0, [], "gw failed", [], null));

        run.NotStarted.ShouldBe("gw failed");
        run.StandardOutput.ShouldBeEmpty();
        run.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void The_demo_shows_an_admin_command_without_the_config_path_and_the_expected_page()
    {
        LabDemo.Shown(["verify", "--node", "w1", "--node", "w2", "-c", "/tmp/x/config.yaml", "--expect", "hello"]).ShouldBe(["verify", "--node", "w1", "--node", "w2"]);
        LabDemo.Shown(["prepare", "--all", "-c", "/tmp/x/config.yaml"]).ShouldBe(["prepare", "--all"]);
    }
}
