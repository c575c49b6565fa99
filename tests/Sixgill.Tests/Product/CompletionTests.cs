using Sixgill.Tests.Cli;

namespace Sixgill.Tests.Product;

/// <summary>
/// <c>sixgill completion SHELL</c>: each script parses in its shell, and the bash one completes
/// commands, options, the values of enumerated options, node names of the config and files.
/// </summary>
public sealed class CompletionTests
{
    /// <summary>Where the test binaries are: the sixgill apphost is there too, for the scripts' call back.</summary>
    private static readonly string Binaries = AppContext.BaseDirectory;

    [Theory]
    [InlineData("bash", "bash")]
    [InlineData("zsh", "zsh")]
    [InlineData("fish", "fish")]
    public void The_script_for_each_shell_parses_in_that_shell(string shell, string package)
    {
        Tool.Require(shell, package);
        var script = CliRun.Of("completion", shell);
        script.ExitCode.ShouldBe(0, script.Error);
        using var directory = new TempDirectory("sixgill-completion-");
        var path = directory.Combine($"sixgill.{shell}");
        File.WriteAllText(path, script.Out);

        var (code, _, error) = Tool.Run(shell, ["-n", path]);

        code.ShouldBe(0, $"{shell} -n: {error}");
        error.ShouldBeEmpty();
    }

    [Fact]
    public void Every_command_and_option_of_the_command_line_is_in_the_scripts()
    {
        var bash = CliRun.Of("completion", "bash").Out;
        var fish = CliRun.Of("completion", "fish").Out;

        foreach (var word in new[] { "validate", "explain", "verify", "prepare", "clean", "lab", "demo", "logs", "list", "completion", "schema", "--detailed-exitcode", "--state-dir", "--runtime" })
        {
            bash.ShouldContain(word);
            fish.ShouldContain(word);
        }

        CliRun.Of("completion", "tcsh").ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("sixgill pre", "prepare")]
    [InlineData("sixgill lab ", "demo down exec list logs status up")]
    [InlineData("sixgill validate -o ", "json text")]
    [InlineData("sixgill lab up --runtime ", "docker native")]
    [InlineData("sixgill plan ", "clean down prepare up")]
    [InlineData("sixgill completion ", "bash fish zsh")]
    [InlineData("sixgill prepare --dry", "--dry-run")]
    [InlineData("sixgill explain -c EXAMPLES/lab.yaml --host ", "gw w1 w2")]
    [InlineData("sixgill explain --host w -c EXAMPLES/lab.yaml", "EXAMPLES/lab.yaml")]
    [InlineData("sixgill lab exec w1 -- ech", "echo")]
    public void Bash_completes_what_each_position_takes(string line, string expected)
    {
        Tool.Require("bash", "bash");
        var examples = System.IO.Path.GetDirectoryName(CliRun.Example("lab.yaml"))!;
        line = line.Replace("EXAMPLES", examples, StringComparison.Ordinal);
        expected = expected.Replace("EXAMPLES", examples, StringComparison.Ordinal);
        var script = CliRun.Of("completion", "bash").Out;
        var words = line.Split(' ');
        var driver = script + $$"""

            COMP_WORDS=({{string.Join(' ', words.Select(w => $"'{w}'"))}})
            COMP_CWORD={{words.Length - 1}}
            _sixgill
            printf '%s\n' "${COMPREPLY[@]}" | sort -u | grep -v '^$' | tr '\n' ' '
            """;

        var (code, output, error) = Tool.Run("bash", ["--norc", "-s"], driver, new Dictionary<string, string> { ["PATH"] = $"{Binaries}:/usr/bin:/bin" });

        code.ShouldBe(0, error);
        var offered = output.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in expected.Split(' '))
        {
            offered.ShouldContain(word, $"'{line}' offered: {output}");
        }
    }
}
