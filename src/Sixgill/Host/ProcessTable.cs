using System.Globalization;

namespace Sixgill.Host;

/// <summary>
/// What <c>/proc</c> says about a process, and signals to one exact pid. Used to stop the lab's
/// daemons from a later process: a pid is trusted only while its program name and start time
/// still match what was recorded (a pid can be reused after its process ended).
/// </summary>
internal static class ProcessTable
{
    /// <summary>Alive and not a zombie (a zombie holds nothing; it only waits for its parent).</summary>
    public static bool IsAlive(int pid) => State(pid) is { } state && state != 'Z';

    /// <summary>The program name the kernel shows (<c>/proc/PID/comm</c>, at most 15 bytes), or null when gone.</summary>
    public static string? ProgramName(int pid) => Read(pid, "comm")?.TrimEnd('\n');

    /// <summary>When the process started, in clock ticks since boot (field 22 of <c>/proc/PID/stat</c>); null when gone.</summary>
    public static long? StartTime(int pid)
    {
        var fields = AfterName(pid);
        // Field 3 (state) is the first after the name; start time is field 22.
        return fields is { Length: > 19 } && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
    }

    /// <summary>Sends <paramref name="signal"/> to exactly <paramref name="pid"/>; false when it is gone.</summary>
    public static bool Signal(int pid, int signal)
    {
        if (pid <= 1 || pid == Environment.ProcessId)
        {
            throw new ArgumentOutOfRangeException(nameof(pid), pid, "never init or this process");
        }

        return LibC.Kill(pid, signal) == 0;
    }

    /// <summary>SIGTERM, then SIGKILL once <paramref name="grace"/> has passed; true when it ended.</summary>
    public static async Task<bool> EndAsync(int pid, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (!IsAlive(pid))
        {
            return true;
        }

        Signal(pid, LibC.SignalTerminate);
        var deadline = DateTime.UtcNow + grace;
        while (IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }

        if (IsAlive(pid))
        {
            Signal(pid, LibC.SignalKill);
            for (var i = 0; i < 50 && IsAlive(pid); i++)
            {
                await Task.Delay(20, cancellationToken);
            }
        }

        return !IsAlive(pid);
    }

    private static char? State(int pid) => AfterName(pid) is { Length: > 0 } fields && fields[0].Length > 0 ? fields[0][0] : null;

    /// <summary>The fields of <c>/proc/PID/stat</c> after <c>(comm)</c>, which may itself hold spaces and parentheses.</summary>
    private static string[]? AfterName(int pid)
    {
        var stat = Read(pid, "stat");
        return stat is null ? null : stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string? Read(int pid, string file)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/{file}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
