using System.Text.Json;
using Sixgill.Cli;
using Sixgill.Cli.Surface;
using Sixgill.Tests.Cli;

namespace Sixgill.Tests.Product;

/// <summary>The command line's conventions: help and examples everywhere, did-you-mean, -o, --quiet, version.</summary>
public sealed class ConventionsTests
{
    private static IReadOnlyList<SurfaceCommand> Commands => CommandSurface.Read(SixgillCli.Build(new GlobalOptions()));

    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var command in Commands)
        {
            data.Add(command.Path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_command_has_examples_in_its_help_and_help_COMMAND_shows_the_same(string path)
    {
        var words = path.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var help = CliRun.Of([.. words, "--help"]);
        var viaHelp = CliRun.Of(["help", .. words]);

        CommandExamples.For(path).ShouldNotBeEmpty($"'{path}' has no examples");
        help.ExitCode.ShouldBe(0);
        help.Out.ShouldContain("Examples:\n  ");
        viaHelp.ExitCode.ShouldBe(0, viaHelp.Error);
        viaHelp.Out.ShouldBe(help.Out);
    }

    [Fact]
    public void Shared_options_are_shown_only_where_they_apply()
    {
        CliRun.Of("version", "--help").Out.ShouldNotContain("--config");
        CliRun.Of("validate", "--help").Out.ShouldNotContain("--state-dir");
        CliRun.Of("prepare", "--help").Out.ShouldContain("--state-dir");
        CliRun.Of("lab", "exec", "--help").Out.ShouldNotContain("--output");
        CliRun.Of("--help").Out.ShouldNotContain("--host <NODE>");
    }

    [Fact]
    public void Lab_up_says_its_real_default_config()
    {
        var help = CliRun.Of("lab", "up", "--help").Out;

        help.ShouldContain("[default: the built-in examples/lab.yaml]");
        help.ShouldNotContain("[default: config.yaml]");
    }

    [Theory]
    [InlineData(new[] { "prepre" }, "did you mean 'prepare'?")]
    [InlineData(new[] { "lab", "stauts" }, "did you mean 'lab status'?")]
    [InlineData(new[] { "validate", "--outptu", "json" }, "did you mean '--output'?")]
    [InlineData(new[] { "frobnicate" }, "the commands are: validate, explain")]
    [InlineData(new[] { "help", "lab", "exce" }, "did you mean 'sixgill help lab exec'?")]
    public void A_mistyped_command_or_option_gets_a_suggestion_and_exit_2(string[] args, string hint)
    {
        var run = CliRun.Of(args);

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain(hint);
        run.Error.ShouldNotContain("Required command was not provided");
    }

    [Theory]
    [InlineData("plan bogus -c lab.yaml", "sixgill: plan: 'bogus' is not one of prepare, clean, up, down", "'sixgill help plan' lists the commands and options")]
    [InlineData("plan cleen -c lab.yaml", "sixgill: plan: 'cleen' is not one of prepare, clean, up, down", "did you mean 'clean'?")]
    [InlineData("validate -c lab.yaml --output xml", "sixgill: --output: 'xml' is not one of text, json", "'sixgill help validate' lists the commands and options")]
    [InlineData("validate -c lab.yaml -o jsn", "sixgill: --output: 'jsn' is not one of text, json", "did you mean 'json'?")]
    [InlineData("prepare --all -c lab.yaml --connect-timeout abc", "sixgill: --connect-timeout: 'abc' is not a number", "'sixgill help prepare' lists the commands and options")]
    [InlineData("prepare --all -c lab.yaml --parallel x", "sixgill: --parallel: 'x' is not a whole number", "'sixgill help prepare' lists the commands and options")]
    [InlineData("explain -c lab.yaml --host w1 --host w2", "sixgill: --host is given more than once; it takes one value", "'sixgill help explain' lists the commands and options")]
    public void A_value_the_command_line_cannot_take_is_named_on_one_line(string typed, string line, string fix)
    {
        var run = CliRun.Of(typed.Split(' '));

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldBe($"{line}\n  fix: {fix}\n");
    }

    [Fact]
    public void A_group_without_its_command_lists_them()
    {
        var run = CliRun.Of("lab");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain("sixgill lab needs a command: up, down, list, status, logs, exec, demo");
    }

    [Fact]
    public void Dash_o_is_output()
    {
        using var json = JsonDocument.Parse(CliRun.Of("validate", "-c", CliRun.Example("lab.yaml"), "-o", "json").Out);

        json.RootElement.GetProperty("valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Version_says_version_commit_build_date_and_os_arch_and_dash_dash_version_agrees()
    {
        var version = CliRun.Of("version");
        var dashed = CliRun.Of("--version");
        using var json = JsonDocument.Parse(CliRun.Of("version", "-o", "json").Out);

        version.Out.ShouldMatch(@"^sixgill \d+\.\d+\.\d+\ncommit   \S+\nbuilt    \d{4}-\d\d-\d\d\nos/arch  linux/(amd64|arm64)\nruntime  .+\n$");
        dashed.Out.ShouldBe(version.Out);
        var root = json.RootElement;
        root.GetProperty("version").GetString().ShouldBe(version.Out.Split('\n')[0]["sixgill ".Length..]);
        root.GetProperty("commit").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("os").GetString().ShouldBe("linux");
        root.GetProperty("arch").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void No_hidden_directive_is_left_for_completion()
    {
        var run = CliRun.Of("[suggest]", "val");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
    }
}
