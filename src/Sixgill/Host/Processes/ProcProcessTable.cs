using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Sixgill.Host.Interop;
using Sixgill.Machine;

namespace Sixgill.Host.Processes;

/// <summary>
/// <see cref="IProcessTable"/> through <c>/proc</c> and <c>kill(2)</c> (no <c>kill</c> process per
/// signal). The end of a process is seen through a pidfd (<c>pidfd_open(2)</c>, Linux 5.3): it
/// becomes readable the moment the process ends, also for one that is not our child (the daemons
/// fork away from Sixgill); where the kernel or a seccomp filter refuses pidfd_open, the end is
/// looked for with <see cref="Values.Poll"/>.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class ProcProcessTable : IProcessTable
{
    public RunningProgram? Find(int pid)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pid);
        var directory = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            var stat = File.ReadAllText($"{directory}/stat");
            var close = stat.LastIndexOf(')');
            if (close < 0 || stat[(close + 1)..].TrimStart().StartsWith('Z'))
            {
                return null;
            }

            var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..close];
            var arguments = File.ReadAllText($"{directory}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return new RunningProgram(pid, name, Executable(directory), arguments) { StartTime = StartTime(stat[(close + 1)..]) };
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null; // ended while being read
        }
    }

    public void Signal(int pid, ProcessSignal signal)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pid);
        var number = signal == ProcessSignal.Kill ? LibC.SignalKill : LibC.SignalTerminate;
        if (LibC.Kill(pid, number) != 0 && Marshal.GetLastPInvokeError() != LibC.NoSuchProcess)
        {
            throw LibC.Error("kill", pid.ToString(CultureInfo.InvariantCulture));
        }
    }

    public bool WaitUntilGone(int pid, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pid);
        var clock = Stopwatch.StartNew();
        var descriptor = (int)LibC.Syscall(LibC.SyscallPidfdOpen, pid, 0);
        if (descriptor < 0)
        {
            // ESRCH: gone and reaped already. Anything else (ENOSYS before Linux 5.3, EPERM from a seccomp
            // filter, EINVAL or ENOENT for a pid that is not a process leader): look instead.
            return Marshal.GetLastPInvokeError() == LibC.NoSuchProcess
                || Values.Poll.Until(() => Find(pid) is null, timeout, clock);
        }

        try
        {
            var watch = new LibC.PollDescriptor { Descriptor = descriptor, Events = LibC.PollIn };
            while (true)
            {
                var left = timeout - clock.Elapsed;
                var ready = LibC.Poll(ref watch, 1, left <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(left.TotalMilliseconds));
                if (ready > 0)
                {
                    return true; // readable (or POLLHUP/POLLERR): the process has ended
                }

                if (ready == 0 && left <= TimeSpan.Zero)
                {
                    return false;
                }

                if (ready < 0 && Marshal.GetLastPInvokeError() != LibC.Interrupted)
                {
                    throw LibC.Error("poll pidfd of", pid.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
        finally
        {
            _ = LibC.Close(descriptor);
        }
    }

    /// <summary>Field 22 of the stat line; <paramref name="afterName"/> starts at field 3 (the state).</summary>
    private static long StartTime(string afterName)
    {
        var fields = afterName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : 0;
    }

    private static string? Executable(string directory)
    {
        try
        {
            return new FileInfo($"{directory}/exe").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
