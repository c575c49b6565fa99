namespace Sixgill.Machine;

/// <summary>A live process as <c>/proc</c> shows it: enough to tell whether a pid is still the daemon Sixgill started.</summary>
/// <param name="Name">Its <c>comm</c> (the program's name, at most 15 characters).</param>
/// <param name="Executable">Where <c>/proc/&lt;pid&gt;/exe</c> points; null when it cannot be read.</param>
/// <param name="Arguments">Its argument vector (<c>/proc/&lt;pid&gt;/cmdline</c>).</param>
internal sealed record RunningProgram(int Pid, string Name, string? Executable, IReadOnlyList<string> Arguments)
{
    /// <summary>When it started, in clock ticks since boot (<c>/proc/&lt;pid&gt;/stat</c> field 22): with the pid, it names one process for good.</summary>
    public long StartTime { get; init; }

    /// <summary>Whether this is <paramref name="program"/> run with <paramref name="argument"/> (its config file, say).</summary>
    public bool Is(string program, string argument)
    {
        ArgumentNullException.ThrowIfNull(program);
        var named = Name == (program.Length > 15 ? program[..15] : program)
            || (Executable is { } exe && Path.GetFileName(exe.Replace(" (deleted)", "", StringComparison.Ordinal)) == program);
        return named && Arguments.Contains(argument);
    }
}

internal enum ProcessSignal
{
    /// <summary>SIGTERM: end cleanly (daemons remove their pid files and sockets).</summary>
    Terminate,

    /// <summary>SIGKILL.</summary>
    Kill,
}

/// <summary>The node's processes, by pid: the only way steps look at or end a daemon.</summary>
internal interface IProcessTable
{
    /// <summary>The process with this pid; null when there is none (a zombie counts as gone: it only waits to be reaped).</summary>
    RunningProgram? Find(int pid);

    /// <summary>Sends the signal to exactly this pid; a process that is already gone is not an error.</summary>
    void Signal(int pid, ProcessSignal signal);

    /// <summary>
    /// Waits, bounded, until the process with this pid has ended (a zombie counts as gone); true
    /// when it did within <paramref name="timeout"/>.
    /// </summary>
    bool WaitUntilGone(int pid, TimeSpan timeout);
}
