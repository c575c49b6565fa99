using System.Text.Json;

namespace Sixgill.Tests.Cli;

public sealed class ValidateAndExplainCommandTests
{
    [Theory]
    [InlineData("orca.yaml", "OK (2 nodes, mode ipv6")]
    [InlineData("lab.yaml", "OK (3 nodes, mode ipv6")]
    [InlineData("dual-stack.yaml", "OK (2 nodes, mode dual-stack")]
    [InlineData("ipv4.yaml", "OK (2 nodes, mode ipv4")]
    public void Every_example_validates_with_the_summary_on_stdout(string file, string summary)
    {
        var run = CliRun.Of("validate", "-c", CliRun.Example(file));

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain(summary);
        run.Error.ShouldNotContain(": error ");
    }

    [Fact]
    public void The_orca_placeholder_token_is_a_warning_on_stderr()
    {
        var run = CliRun.Of("validate", "-c", CliRun.Example("orca.yaml"));

        run.Error.ShouldContain("warning SG090");
        run.Out.ShouldContain("1 warning");
    }

    [Fact]
    public void Every_mistake_is_reported_at_once_with_exit_2_and_nothing_on_stdout()
    {
        var yaml = File.ReadAllText(CliRun.Example("lab.yaml"))
            .Replace("id: 3", "id: three", StringComparison.Ordinal)
            .Replace("\"fd00:20::/64\"", "\"fd00:20::5/64\"", StringComparison.Ordinal);
        var path = CliRun.TempConfig(yaml);
        try
        {
            var run = CliRun.Of("validate", "-c", path);

            run.ExitCode.ShouldBe(2);
            run.Out.ShouldBeEmpty();
            run.Error.ShouldContain("error SG005");
            run.Error.ShouldContain("error SG011");
            run.Error.ShouldContain("fd00:20::/64");
            run.Error.ShouldContain("2 errors");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_as_json_lists_the_diagnostics()
    {
        var run = CliRun.Of("validate", "-c", CliRun.Example("orca.yaml"), "--output", "json");

        run.ExitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("valid").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("mode").GetString().ShouldBe("ipv6");
        var diagnostic = json.RootElement.GetProperty("diagnostics")[0];
        diagnostic.GetProperty("code").GetString().ShouldBe("SG090");
        diagnostic.GetProperty("line").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void A_missing_config_file_is_exit_2_naming_the_path()
    {
        var run = CliRun.Of("validate", "-c", "/nonexistent/sixgill.yaml");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("/nonexistent/sixgill.yaml");
        run.Error.ShouldContain("SG000");
    }

    [Fact]
    public void Explain_of_the_orca_example_gives_the_seed_addresses()
    {
        var run = CliRun.Of("explain", "-c", CliRun.Example("orca.yaml"));

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("fd00:20::2/64");
        run.Out.ShouldContain("fd00:20::3/64");
        run.Out.ShouldContain("fd00:40:0:0:2::/80");
        run.Out.ShouldContain("fd00:40:0:0:3::/80");
        run.Out.ShouldContain("fd00:30::a");
        run.Out.ShouldContain("[fd00:20::2]:6443");
    }

    [Fact]
    public void Explain_as_json_parses_and_names_each_node()
    {
        var run = CliRun.Of("explain", "-c", CliRun.Example("lab.yaml"), "--output", "json");

        run.ExitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString())
            .ShouldBe(["gw", "w1", "w2"]);
    }

    [Fact]
    public void Explain_of_an_unknown_host_lists_the_known_names_with_exit_2()
    {
        var run = CliRun.Of("explain", "-c", CliRun.Example("lab.yaml"), "--host", "w3");

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain("SG070");
        run.Error.ShouldContain("gw, w1, w2");
    }
}
