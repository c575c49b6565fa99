using System.Diagnostics;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Tests.Host;

/// <summary>The runner against real child processes (coreutils only; no root needed).</summary>
public sealed class ProcessRunnerTests
{
    private static readonly ProcessRunner Runner = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task Arguments_reach_the_program_as_they_are_never_through_a_shell()
    {
        var result = await Runner.RunAsync(["echo", "$HOME; `id` && x", "two words"], Cancel);

        result.StandardOutput.ShouldBe("$HOME; `id` && x two words\n");
    }

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task Exit_code_and_stderr_are_returned_not_thrown()
    {
        var result = await Runner.RunAsync(["ls", "/nonexistent-sixgill-path"], Cancel);

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("nonexistent-sixgill-path");
        Should.Throw<ProcessFailedException>(() => result.EnsureSuccess()).Message.ShouldContain("ls /nonexistent-sixgill-path");
    }

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task Stdin_text_is_fed_and_closed()
    {
        var result = await Runner.RunAsync(new ProcessRequest(["cat"]) { StandardInput = "line one\nline two\n" }, Cancel);

        result.StandardOutput.ShouldBe("line one\nline two\n");
    }

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task Without_stdin_text_the_program_sees_end_of_input_at_once()
    {
        var result = await Runner.RunAsync(new ProcessRequest(["cat"]) { Timeout = TimeSpan.FromSeconds(10) }, Cancel);

        result.ExitCode.ShouldBe(0);
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task A_program_that_overruns_its_timeout_is_killed()
    {
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<ProcessTimeoutException>(
            () => Runner.RunAsync(new ProcessRequest(["sleep", "30"]) { Timeout = TimeSpan.FromMilliseconds(300) }, Cancel));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        error.Message.ShouldContain("sleep 30");
    }

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task Cancelling_kills_the_program()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<OperationCanceledException>(() => Runner.RunAsync(["sleep", "30"], cancel.Token));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task A_missing_program_is_named()
    {
        var error = await Should.ThrowAsync<ProgramNotFoundException>(() => Runner.RunAsync(["sixgill-no-such-program"], Cancel));

        error.Program.ShouldBe("sixgill-no-such-program");
    }

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task Environment_variables_are_set_and_removed()
    {
        var request = new ProcessRequest(["env"])
        {
            Environment = new Dictionary<string, string?> { ["SIXGILL_TEST_VALUE"] = "a b", ["HOME"] = null },
        };

        var output = (await Runner.RunAsync(request, Cancel)).StandardOutput;

        var names = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('=', 2)[0]).ToList();
        output.ShouldContain("SIXGILL_TEST_VALUE=a b\n");
        names.ShouldNotContain("HOME", "HOME was removed; other variables such as JAVA_HOME may stay");
    }

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task A_forked_child_holding_the_output_open_does_not_hang_the_run()
    {
        // The shell is the test's stand-in for a daemon that forks; the background sleep ends by itself.
        var clock = Stopwatch.StartNew();

        var result = await Runner.RunAsync(["sh", "-c", "sleep 4 & echo started"], Cancel);

        result.StandardOutput.ShouldBe("started\n");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
    }

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task A_started_program_runs_until_stopped_and_its_output_is_kept()
    {
        await using var running = Runner.Start(new ProcessRequest(["sh", "-c", "echo ready; exec sleep 30"]));
        await Wait.UntilAsync(() => running.StandardOutput.Contains("ready", StringComparison.Ordinal), "the program to print ready", cancellationToken: Cancel);

        running.HasExited.ShouldBeFalse();
        running.StandardOutput.ShouldBe("ready\n");
        var clock = Stopwatch.StartNew();

        await running.StopAsync(TimeSpan.FromSeconds(5));

        running.HasExited.ShouldBeTrue();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4), "SIGTERM ends it without waiting for the kill");
        running.ExitCode.ShouldNotBeNull();
    }
}
