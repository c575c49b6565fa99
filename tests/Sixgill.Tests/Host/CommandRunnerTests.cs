using Sixgill.Host;

namespace Sixgill.Tests.Host;

public sealed class CommandRunnerTests
{
    private readonly CommandRunner runner = new();

    [Fact]
    public void Arguments_reach_the_program_unsplit_and_unquoted()
    {
        var output = runner.Run(["printf", "%s|", "a b", "$HOME", "'x'", ";ls"]);

        output.Succeeded.ShouldBeTrue();
        output.Stdout.ShouldBe("a b|$HOME|'x'|;ls|");
    }

    [Fact]
    public void Input_goes_to_stdin_and_the_exit_code_and_stderr_come_back()
    {
        var output = runner.Run(["sh", "-c", "cat; echo oops >&2; exit 3"], input: "line\n");

        output.ExitCode.ShouldBe(3);
        output.Stdout.ShouldBe("line\n");
        output.Stderr.ShouldBe("oops\n");
        Should.Throw<CommandFailedException>(() => output.OrThrow()).Message.ShouldContain("exit 3");
    }

    [Fact]
    public void A_program_that_overruns_its_timeout_is_killed()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Should.Throw<TimeoutException>(() => runner.Run(["sleep", "30"], timeout: TimeSpan.FromMilliseconds(200)));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_missing_program_is_a_precondition()
    {
        Should.Throw<PreconditionFailedException>(() => runner.Run(["sixgill-no-such-program"])).Message.ShouldContain("sixgill-no-such-program");
    }
}
