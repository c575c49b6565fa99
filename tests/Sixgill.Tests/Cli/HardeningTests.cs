
namespace Sixgill.Tests.Cli;

/// <summary>
/// The command line and the state directory against what a hostile or careless caller gives:
/// <c>--state-dir</c> checked (exit 2), no response files.
/// </summary>
public sealed class HardeningTests
{
    private static readonly string Config = CliRun.Example("lab.yaml");

    [Fact]
    public void A_state_dir_that_is_a_file_relative_below_a_file_or_with_control_characters_is_exit_2()
    {
        var file = CliRun.TempConfig("not a directory");
        try
        {
            Refused(file).ShouldContain($"--state-dir {file} is a file, not a directory");
            Refused(file + "/state").ShouldContain($"cannot be made: {file} is a file, not a directory");
            Refused("state").ShouldContain("must be an absolute path");
            Refused("").ShouldContain("--state-dir is empty");
            Refused("/tmp/\u001b[2Jx").ShouldContain(@"/tmp/\e[2Jx holds control characters");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_state_dir_that_does_not_exist_yet_is_fine()
    {
        var run = CliRun.Of("plan", "prepare", "-c", Config, "--host", "w1", "--state-dir", $"/tmp/sixgill-test-{Guid.NewGuid():N}/state");

        run.ExitCode.ShouldBe(0, run.Error);
    }

    [Fact]
    public void An_at_sign_names_a_file_never_a_response_file()
    {
        var run = CliRun.Of("validate", "-c", "@nonexistent-cluster.yaml");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("@nonexistent-cluster.yaml:1:1: error SG000: cannot read the config file @nonexistent-cluster.yaml: no such file");
        run.Error.ShouldNotContain("esponse file");
    }

    private static string Refused(string stateDir)
    {
        var run = CliRun.Of("plan", "prepare", "-c", Config, "--host", "w1", "--state-dir", stateDir);
        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.Any(c => char.IsControl(c) && c != '\n').ShouldBeFalse();
        return run.Error;
    }
}
