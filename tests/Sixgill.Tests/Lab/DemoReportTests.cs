using System.Text.Json;
using Sixgill.Fleet;
using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

public sealed class DemoReportTests
{
    private const string VerifyOutput = """
        {
          "node": "w1", "mode": "ipv6", "name": "web.example.test", "passed": false,
          "passedCount": 1, "failedCount": 1, "skippedCount": 0, "elapsedMs": 12.5, "brokenHop": "NAT64 on gw",
          "checks": [
            { "name": "dns64-server", "title": "DNS64 server answers", "outcome": "passed", "detail": "answered in 2 ms", "elapsedMs": 2 },
            { "name": "http-by-name", "title": "HTTP by name", "outcome": "failed", "detail": "no answer", "hop": "NAT64 on gw", "hint": "is tayga running?", "elapsedMs": 2000 }
          ]
        }
        """;

    private static NodeRun Run(string node, int code, string stdout = "", string stderr = "") => new(node, code, TimeSpan.FromMilliseconds(250), stdout, stderr);

    private static DemoReport Report(IReadOnlyList<DemoCheck> checks, params DemoPhase[] phases) =>
        new("demo", "examples/lab.yaml (built in)", phases, checks, TimeSpan.FromSeconds(2.5), Kept: false);

    [Fact]
    public void Verify_json_becomes_one_row_per_check_with_its_hop()
    {
        var checks = LabDemo.ChecksOf(Run("w1", 1, VerifyOutput));

        checks.Select(c => (c.Node, c.Name, c.Outcome)).ShouldBe([("w1", "dns64-server", "passed"), ("w1", "http-by-name", "failed")]);
        checks[1].Hop.ShouldBe("NAT64 on gw");
        checks[1].Hint.ShouldBe("is tayga running?");
    }

    [Fact]
    public void A_verify_that_gave_no_report_is_one_failed_check_saying_why()
    {
        var check = LabDemo.ChecksOf(Run("w2", 2, "", "sixgill: config.yaml: 1 error\n")).ShouldHaveSingleItem();

        check.Outcome.ShouldBe(DemoCheck.Failed);
        check.Detail.ShouldContain("exit 2");
        check.Detail.ShouldContain("config.yaml: 1 error");
    }

    [Fact]
    public void The_demo_passes_only_when_every_phase_and_every_check_passed()
    {
        var ok = new DemoPhase("prepare", TimeSpan.FromSeconds(1), [Run("gw", 0), Run("w1", 0)], []);
        var passed = new DemoCheck("w1", "http-by-name", DemoCheck.Passed, "", null, null);
        var failed = passed with { Outcome = DemoCheck.Failed };

        Report([passed], ok).Passed.ShouldBeTrue();
        Report([passed with { Name = "dns64-server" }], ok).Passed.ShouldBeFalse("no way out was proven");
        Report([passed, failed], ok).Passed.ShouldBeFalse();
        Report([], ok).Passed.ShouldBeFalse("no check ran");
        Report([passed], ok with { Nodes = [Run("gw", 1)] }).Passed.ShouldBeFalse();
        Report([passed], ok, new DemoPhase("down", TimeSpan.Zero, [], ["cannot unmount x"])).Passed.ShouldBeFalse();
    }

    [Fact]
    public void The_table_shows_each_phase_with_its_time_each_check_and_why_a_node_failed()
    {
        var phases = new[]
        {
            new DemoPhase("up", TimeSpan.FromSeconds(0.4), [], []),
            new DemoPhase("prepare", TimeSpan.FromSeconds(1.2), [Run("gw", 1, "", "sixgill: prepare failed at 'named'\n"), Run("w1", 0)], []),
        };
        var text = new StringWriter();

        Report(LabDemo.ChecksOf(Run("w1", 1, VerifyOutput)), phases).WriteText(text);

        var output = text.ToString();
        output.ShouldContain("up        0.40 s");
        output.ShouldContain("prepare   1.20 s    gw FAILED (exit 1) 0.25 s  w1 ok 0.25 s");
        output.ShouldContain("total     2.50 s");
        output.ShouldContain("w1    http-by-name  FAIL    no answer");
        output.ShouldContain("hop: NAT64 on gw");
        output.ShouldContain("prepare on gw failed (exit 1):\n  sixgill: prepare failed at 'named'");
        output.ShouldContain("1 checks passed, 1 failed, 0 skipped; prepare failed");
    }

    [Fact]
    public void Json_has_phases_in_milliseconds_and_every_check()
    {
        var report = Report([new DemoCheck("w1", "peer-gw", DemoCheck.Passed, "fd00:20::2 answers", null, null), new DemoCheck("w1", "http-by-name", DemoCheck.Passed, "HTTP 200", null, null)],
            new DemoPhase("prepare", TimeSpan.FromMilliseconds(812.34), [Run("gw", 0)], []));

        using var json = JsonDocument.Parse(report.ToJson());

        json.RootElement.GetProperty("passed").GetBoolean().ShouldBeTrue();
        var phase = json.RootElement.GetProperty("phases")[0];
        phase.GetProperty("name").GetString().ShouldBe("prepare");
        phase.GetProperty("elapsedMs").GetDouble().ShouldBe(812.3);
        phase.GetProperty("nodes")[0].GetProperty("node").GetString().ShouldBe("gw");
        json.RootElement.GetProperty("checks")[0].GetProperty("name").GetString().ShouldBe("peer-gw");
        json.RootElement.GetProperty("checks")[0].TryGetProperty("hasFailed", out _).ShouldBeFalse();
    }

    [Fact]
    public void The_closing_line_says_only_what_the_passed_checks_prove()
    {
        var ok = new DemoPhase("verify", TimeSpan.FromSeconds(1), [Run("wk1", 0)], []);
        string Closing(params DemoCheck[] checks)
        {
            var text = new StringWriter();
            Report(checks, ok).WriteText(text);
            return text.ToString().TrimEnd().Split('\n')[^1];
        }

        DemoCheck Check(string node, string name, string outcome) => new(node, name, outcome, "", null, null);

        Closing(Check("w1", "http-by-name", DemoCheck.Passed), Check("w2", "http-by-name", DemoCheck.Passed))
            .ShouldBe("2 checks passed, 0 failed, 0 skipped: IPv6-only nodes reached an IPv4-only web server by name through DNS64 and NAT64");
        Closing(Check("wk1", "http-by-name-ipv4", DemoCheck.Passed), Check("wk1", "http-by-name-ipv6", "skipped"), Check("wk1", "peer-cp1", DemoCheck.Passed))
            .ShouldBe("2 checks passed, 0 failed, 1 skipped: the nodes reached the web server by name over IPv4");
        Closing(Check("wk1", "http-by-name", "skipped"), Check("wk1", "peer-cp1", DemoCheck.Passed))
            .ShouldBe("1 checks passed, 0 failed, 1 skipped: no way out was checked (every way-out check skipped): nothing about reaching the web server is proven");
        Report([Check("wk1", "http-by-name", "skipped"), Check("wk1", "peer-cp1", DemoCheck.Passed)], ok).Passed.ShouldBeFalse();
    }
}
