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
    public void No_pid_below_one_is_ever_signalled()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => table.Signal(0, ProcessSignal.Kill));
        Should.Throw<ArgumentOutOfRangeException>(() => table.Signal(-1, ProcessSignal.Kill));
    }
}
