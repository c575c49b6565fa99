using System.Globalization;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Tests.Host;

/// <summary>Daemons that outlive their starter, and pids checked before they are signalled (no root needed).</summary>
public sealed class DetachedProcessTests : IDisposable
{
    private readonly TempDirectory directory = new("sixgill-detached-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => directory.Dispose();

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task A_detached_program_runs_in_its_own_session_with_its_output_in_the_log()
    {
        var log = Path.Combine(directory, "d.log");
        var pid = DetachedProcess.Start(["sh", "-c", "echo out; echo err >&2; exec sleep 30"], log);
        try
        {
            await Wait.UntilAsync(() => File.ReadAllText(log).Contains("err", StringComparison.Ordinal) && ProcessTable.Find(pid)?.Name == "sleep", "the detached program to log and sleep", cancellationToken: Cancel);
            ProcessTable.IsAlive(pid).ShouldBeTrue();
            File.ReadAllText(log).ShouldBe("out\nerr\n");
            Field(pid, 6).ShouldBe(pid.ToString(CultureInfo.InvariantCulture), "its own session (sid = pid)");
            (ProcessTable.Find(pid)?.StartTime ?? 0).ShouldBeGreaterThan(0);
        }
        finally
        {
            (await ProcessTable.EndAsync(pid, TimeSpan.FromSeconds(5), Cancel)).ShouldBeTrue();
        }

        ProcessTable.IsAlive(pid).ShouldBeFalse();
        Directory.Exists($"/proc/{pid}").ShouldBeFalse("reaped by its parent, this process: no zombie left");
    }

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task It_does_not_inherit_the_ignored_SIGPIPE_of_dotnet()
    {
        var pid = DetachedProcess.Start(["sleep", "30"], Path.Combine(directory, "s.log"));
        try
        {
            await Wait.UntilAsync(() => ProcessTable.Find(pid)?.Name == "sleep", "the detached sleep to run", cancellationToken: Cancel);
            var ignored = File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)).Split('\t')[1];
            (ulong.Parse(ignored, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << 12)).ShouldBe(0UL, "SIGPIPE (13) is not ignored");
        }
        finally
        {
            await ProcessTable.EndAsync(pid, TimeSpan.FromSeconds(5), Cancel);
        }
    }

    [Fact]
    public void A_program_that_does_not_exist_cannot_start()
    {
        Should.Throw<ProgramNotFoundException>(() => DetachedProcess.Start(["no-such-program-sixgill"], Path.Combine(directory, "n.log")));
    }

    [Fact]
    public void This_process_is_alive_with_a_start_time_and_is_never_ended_by_the_lab()
    {
        ProcessTable.IsAlive(Environment.ProcessId).ShouldBeTrue();
        ProcessTable.Find(Environment.ProcessId)!.StartTime.ShouldBeGreaterThan(0);
        ProcessTable.Find(int.MaxValue).ShouldBeNull();
        ProcessTable.Find(0).ShouldBeNull();
        Should.Throw<ArgumentOutOfRangeException>(() => ProcessTable.EndAsync(Environment.ProcessId, TimeSpan.Zero, Cancel));
        Should.Throw<ArgumentOutOfRangeException>(() => ProcessTable.EndAsync(1, TimeSpan.Zero, Cancel));
    }

    /// <summary>Field <paramref name="number"/> (1-based, as in proc(5)) of /proc/PID/stat.</summary>
    private static string Field(int pid, int number)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[number - 3];
    }

}
