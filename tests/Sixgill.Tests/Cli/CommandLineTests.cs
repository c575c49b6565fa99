using System.Text.Json;

namespace Sixgill.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public void Version_prints_on_stdout_and_exits_0()
    {
        var run = CliRun.Of("version");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldStartWith("sixgill ");
        run.Error.ShouldBeEmpty();
    }

    [Fact]
    public void Version_as_json_is_one_parseable_document()
    {
        var run = CliRun.Of("version", "--output", "json");

        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("version").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void An_unknown_command_is_a_command_line_error_with_exit_2()
    {
        var run = CliRun.Of("frobnicate");

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain("frobnicate");
        run.Error.ShouldContain("fix: the commands are: validate, explain");
    }

    [Fact]
    public void An_unknown_output_format_is_refused_with_exit_2()
    {
        var run = CliRun.Of("version", "--output", "xml");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("xml");
    }

    [Fact]
    public void Broken_yaml_gives_a_positioned_diagnostic_on_stderr_and_exit_2()
    {
        var path = CliRun.TempConfig("plugin: bridge\ntopology: [\n");
        try
        {
            var run = CliRun.Of("validate", "--config", path);

            run.ExitCode.ShouldBe(2);
            run.Out.ShouldBeEmpty();
            run.Error.ShouldContain($"{path}:3:1: error SG001");
            run.Error.ShouldNotContain("   at ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Help_lists_the_commands_and_examples()
    {
        var run = CliRun.Of("--help");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("validate");
        run.Out.ShouldContain("Examples:");
    }

    // Only the command being run is built, and its help and version options only when typed: every
    // spelling of them must still be seen.
    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("--help")]
    public void Every_spelling_of_help_shows_a_commands_help(string spelling)
    {
        var run = CliRun.Of("prepare", spelling);

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("Usage:");
        run.Out.ShouldContain("--state-dir");
    }

    [Fact]
    public void Without_help_or_version_a_command_has_neither_option_and_names_a_typo_of_them()
    {
        var run = CliRun.Of("version", "--hlp");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--hlp");
    }
}
