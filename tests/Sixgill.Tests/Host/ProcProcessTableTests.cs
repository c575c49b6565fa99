using System.Runtime.Versioning;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Tests.Host;

/// <summary>The /proc adapter against a real child process (coreutils' sleep; no root needed).</summary>
[SupportedOSPlatform("linux")]
public sealed class ProcProcessTableTests
{
    private readonly ProcProcessTable table = new();

    [Fact]
    public async Task A_running_program_is_found_with_its_name_and_arguments_and_gone_after_sigterm()
    {
        var runner = new ProcessRunner();
        await using var sleep = runner.Start(new ProcessRequest(["sleep", "60", "0.25"]));

        var found = table.Find(sleep.Pid)!;
        found.Name.ShouldBe("sleep");
        found.Executable.ShouldEndWith("sleep");
        found.Arguments.ShouldBe(["sleep", "60", "0.25"]);
        found.Is("sleep", "0.25").ShouldBeTrue();

        table.Signal(sleep.Pid, ProcessSignal.Terminate);
        await sleep.WaitForExitAsync(TestContext.Current.CancellationToken);
        table.Find(sleep.Pid).ShouldBeNull();
        table.Signal(sleep.Pid, ProcessSignal.Terminate); // gone: not an error
    }

    [Fact]
    public async Task The_end_of_a_process_is_seen_through_its_pidfd_and_a_running_one_is_waited_for_no_longer_than_asked()
    {
        var runner = new ProcessRunner();
        await using var sleep = runner.Start(new ProcessRequest(["sleep", "60"]));

        table.WaitUntilGone(sleep.Pid, TimeSpan.FromMilliseconds(30)).ShouldBeFalse("it still runs");
        table.Signal(sleep.Pid, ProcessSignal.Terminate);
        table.WaitUntilGone(sleep.Pid, TimeSpan.FromSeconds(10)).ShouldBeTrue();

        await sleep.WaitForExitAsync(TestContext.Current.CancellationToken);
        table.WaitUntilGone(sleep.Pid, TimeSpan.Zero).ShouldBeTrue("gone and reaped: pidfd_open says ESRCH");
    }

    [Fact]
    public void A_pid_pidfd_open_refuses_is_looked_at_instead()
    {
        // A thread that is not its process's leader has no pidfd of its own (ENOENT on Linux 6): the /proc look decides.
        var thread = Directory.GetDirectories($"/proc/{Environment.ProcessId}/task").Select(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture))
            .First(t => t != Environment.ProcessId);

        table.WaitUntilGone(thread, TimeSpan.FromMilliseconds(10)).ShouldBeFalse("the thread runs, /proc shows it");
    }

    [Fact]
    public void No_pid_below_one_is_ever_signalled()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => table.Signal(0, ProcessSignal.Kill));
        Should.Throw<ArgumentOutOfRangeException>(() => table.Signal(-1, ProcessSignal.Kill));
    }
}
