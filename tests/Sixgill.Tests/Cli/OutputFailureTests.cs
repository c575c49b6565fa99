using System.Diagnostics;
using Sixgill.Tests.Config;

namespace Sixgill.Tests.Cli;

/// <summary>
/// The real executable with stdout or stderr closed, full (<c>/dev/full</c>) or a pipe nobody reads:
/// never a stack trace; a broken pipe ends quietly with 141, anything else says so on the other
/// stream and exits 74; a command that failed keeps its own code.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OutputFailureTests
{
    private static readonly string Config = CliRun.Example("lab.yaml");

    /// <summary>A config with no warning (mode 0600, as it holds a token): nothing is ever written to stderr for it.</summary>
    private static readonly Lazy<string> QuietConfig = new(() =>
    {
        var path = CliRun.TempConfig(TestConfig.Ipv6.Text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    });

    [Theory]
    [InlineData(">&-", "stdout is closed")]
    [InlineData(">/dev/full", "no space left on the device")]
    public void A_stdout_that_cannot_be_written_is_said_on_stderr_with_exit_74(string redirect, string reason)
    {
        var run = Shell($"\"$0\" explain -c \"$1\" {redirect}", Config);

        run.ExitCode.ShouldBe(74, run.Error);
        run.Error.ShouldContain($"sixgill: cannot write to stdout: {reason}; the command ended with exit 0 and its output is lost");
        NoStackTrace(run);
    }

    [Theory]
    [InlineData("2>&-", "stderr is closed")]
    [InlineData("2>/dev/full", "no space left on the device")]
    public void A_stderr_that_cannot_be_written_is_said_on_stdout_with_exit_74(string redirect, string reason)
    {
        var run = Shell($"\"$0\" validate -c \"$1\" {redirect}", Config); // validate always shows the lab's two warnings

        run.ExitCode.ShouldBe(74, run.Out);
        run.Out.ShouldContain($"sixgill: cannot write to stderr: {reason}; the command ended with exit 0");
        NoStackTrace(run);
    }

    [Fact]
    public void With_nothing_to_write_to_the_failed_stream_the_command_just_runs()
    {
        var run = Shell("\"$0\" explain -c \"$1\" 2>/dev/full", QuietConfig.Value);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldStartWith("cluster");
    }

    [Fact]
    public void A_failed_command_keeps_its_exit_code_when_both_streams_are_closed()
    {
        var run = Shell("\"$0\" validate -c /nonexistent.yaml >&- 2>&-");

        run.ExitCode.ShouldBe(2);
        NoStackTrace(run);
    }

    [Fact]
    public void A_pipe_whose_reader_went_away_ends_quietly_with_141()
    {
        using var directory = new TempDirectory("sixgill-test-");
        // The reader closes its end and only then lets the writer start: EPIPE on the first write, no race.
        var run = Shell(
            "cd \"$2\" && mkfifo go && { read x < go; \"$0\" explain -c \"$1\" --output json 2> err; echo $? > status; } | { exec 0<&-; echo > go; }",
            QuietConfig.Value,
            directory);

        run.ExitCode.ShouldBe(0, run.Error);
        File.ReadAllText(Path.Combine(directory, "status")).Trim().ShouldBe("141");
        File.ReadAllText(Path.Combine(directory, "err")).ShouldBeEmpty();
    }

    [Fact]
    public void Output_into_a_file_the_shell_shares_moves_its_offset_so_nothing_is_overwritten()
    {
        using var directory = new TempDirectory("sixgill-test-");
        // One open file for all three writers: Sixgill's lines must land between the shell's.
        var run = Shell("cd \"$1\" && { echo before; \"$0\" version; \"$0\" validate -c /nonexistent.yaml 2>&1; echo after; } > log", directory);

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = File.ReadAllLines(Path.Combine(directory, "log"));
        var version = CliRun.Of("version").Out.TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(version.Length + 4, string.Join('\n', lines));
        lines[0].ShouldBe("before");
        lines[1..(version.Length + 1)].ShouldBe(version);
        lines[^3].ShouldStartWith("/nonexistent.yaml:1:1: error SG000: cannot read the config file");
        lines[^2].ShouldBe("/nonexistent.yaml: 1 error, 0 warnings");
        lines[^1].ShouldBe("after");
    }

    private static void NoStackTrace(CliRun run)
    {
        (run.Out + run.Error).ShouldNotContain("Unhandled exception");
        (run.Out + run.Error).ShouldNotContain("   at ");
    }

    /// <summary><c>sh -c script sixgill args…</c>: the script names the executable as <c>$0</c>.</summary>
    private static CliRun Shell(string script, params string[] args)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-c", script, Path.Combine(AppContext.BaseDirectory, "sixgill"), .. args])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliRun(process.ExitCode, output, error.GetAwaiter().GetResult());
    }
}
