using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Sixgill.Host.Interop;
using Sixgill.Machine;

namespace Sixgill.Host.Processes;

/// <summary><see cref="IProcessTable"/> through <c>/proc</c> and <c>kill(2)</c> (no <c>kill</c> process per signal).</summary>
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
