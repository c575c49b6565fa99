using System.Diagnostics.CodeAnalysis;
using Sixgill.Host.Interop;
using Sixgill.Machine;

namespace Sixgill.Host.Processes;

/// <summary>
/// This machine's processes (<see cref="ProcProcessTable"/>) for the lab, which stops daemons and
/// checks owners from processes that did not start them, outside any step: lookups by pid, and
/// ending one exact pid without blocking a thread.
/// </summary>
internal static class ProcessTable
{
    // Typed as the interface: the Linux-only class stays behind the platform check (CA1416).
    [SuppressMessage("Performance", "CA1859", Justification = "keeps ProcProcessTable's platform check in one place")]
    private static readonly IProcessTable Machine = OperatingSystem.IsLinux()
        ? new ProcProcessTable()
        : throw new PlatformNotSupportedException("the lab runs on Linux only");

    /// <summary>The process with this pid; null when there is none or it is a zombie.</summary>
    public static RunningProgram? Find(int pid) => pid > 0 ? Machine.Find(pid) : null;

    public static bool IsAlive(int pid) => Find(pid) is not null;

    /// <summary>The pids of <paramref name="pid"/>'s children (its main thread's), from /proc; empty when it has none or is gone.</summary>
    public static IReadOnlyList<int> Children(int pid)
    {
        var id = pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            return [.. File.ReadAllText($"/proc/{id}/task/{id}/children")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => int.TryParse(w, System.Globalization.CultureInfo.InvariantCulture, out var child) ? child : 0)
                .Where(child => child > 0)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>SIGTERM, then SIGKILL once <paramref name="grace"/> has passed; true when it ended. Never init or this process.</summary>
    public static async Task<bool> EndAsync(int pid, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (pid <= 1 || pid == Environment.ProcessId)
        {
            throw new ArgumentOutOfRangeException(nameof(pid), pid, "never init or this process");
        }

        if (!IsAlive(pid))
        {
            _ = LibC.WaitPid(pid, out _, LibC.NoHang);
            return true;
        }

        Machine.Signal(pid, ProcessSignal.Terminate);
        var deadline = DateTime.UtcNow + grace;
        while (IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }

        if (IsAlive(pid))
        {
            Machine.Signal(pid, ProcessSignal.Kill);
            for (var i = 0; i < 50 && IsAlive(pid); i++)
            {
                await Task.Delay(20, cancellationToken);
            }
        }

        var ended = !IsAlive(pid);
        if (ended)
        {
            // A daemon this process started (lab demo, the tests) is its child: reap it, or it stays
            // a zombie until this process ends. Anyone else's child: ECHILD, nothing happens.
            _ = LibC.WaitPid(pid, out _, LibC.NoHang);
        }

        return ended;
    }
}
