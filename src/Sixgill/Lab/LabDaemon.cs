using System.Globalization;
using System.Text.Json.Serialization;
using Sixgill.Host.Processes;

namespace Sixgill.Lab;

/// <summary>
/// A daemon the lab started detached (<see cref="DetachedProcess"/>) inside one of its namespaces,
/// so it outlives the <c>lab up</c> that started it. Everything needed to stop it from a later
/// process is here and in its pid file: it is stopped only while its pid still has the recorded
/// start time and program name (a pid is reused once its process has ended).
/// </summary>
/// <param name="Name">What it is to the lab, e.g. <c>dns</c>; its pid and log files are named after it.</param>
/// <param name="Program">The program name the kernel shows once it runs (<c>/proc/PID/comm</c>).</param>
/// <param name="StartTime">Its start time in clock ticks since boot, from <c>/proc/PID/stat</c>.</param>
internal sealed record LabDaemon(
    string Name,
    string Namespace,
    string Program,
    int Pid,
    long StartTime,
    string PidFile,
    string LogFile,
    IReadOnlyList<string> Command)
{
    /// <summary>The name <c>nsenter</c> has until it execs the daemon (a few milliseconds after the start).</summary>
    private const string Launcher = "nsenter";

    /// <summary>Starts <paramref name="command"/> in network namespace <paramref name="namespaceName"/>, with its pid and log files in <paramref name="directory"/>.</summary>
    public static LabDaemon Start(string name, string namespaceName, IReadOnlyList<string> command, string directory) =>
        Start(name, namespaceName, command, NamespaceCommand.InNetwork(namespaceName, command), directory);

    /// <summary>The same, with <paramref name="wrapped"/> the command as started (e.g. inside a node's namespaces, <see cref="NamespaceCommand.InNode"/>).</summary>
    public static LabDaemon Start(string name, string namespaceName, IReadOnlyList<string> command, IReadOnlyList<string> wrapped, string directory)
    {
        ArgumentNullException.ThrowIfNull(command);
        Directory.CreateDirectory(directory);
        var log = $"{directory}/{name}.log";
        var pidFile = $"{directory}/{name}.pid";
        var pid = DetachedProcess.Start(wrapped, log);
        var daemon = new LabDaemon(name, namespaceName, Path.GetFileName(command[0]), pid, ProcessTable.Find(pid)?.StartTime ?? 0, pidFile, log, command);
        daemon.WritePidFile();
        return daemon;
    }

    /// <summary>
    /// The same daemon as the process it forked and runs as (e.g. dockerd under <c>unshare --fork</c>),
    /// so that it is stopped by that process's pid; its pid file says so too. Null when it has no child (yet).
    /// </summary>
    public LabDaemon? AsChild(string program)
    {
        foreach (var child in ProcessTable.Children(Pid))
        {
            if (ProcessTable.Find(child) is { } process && process.Name == program)
            {
                var daemon = this with { Program = program, Pid = child, StartTime = process.StartTime };
                daemon.WritePidFile();
                return daemon;
            }
        }

        return null;
    }

    private void WritePidFile()
    {
        var temporary = PidFile + ".new";
        File.WriteAllText(temporary, Pid.ToString(CultureInfo.InvariantCulture) + "\n");
        File.Move(temporary, PidFile, overwrite: true);
    }

    /// <summary>Its pid still runs and is still this daemon (same start time).</summary>
    [JsonIgnore]
    public bool IsRunning => ProcessTable.Find(Pid) is { } process && process.StartTime == StartTime;

    /// <summary>
    /// Ends it by pid (SIGTERM, then SIGKILL after <paramref name="grace"/>) if that pid is still this
    /// daemon: same start time and its program's name (or nsenter's, when stopped right after the
    /// start). A pid that is now another process is left alone. Removes the pid file.
    /// </summary>
    /// <returns>False when a process of that pid was left alone or would not end.</returns>
    public async Task<bool> StopAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var ended = true;
        if (ProcessTable.Find(Pid) is { } process && process.StartTime == StartTime)
        {
            ended = (process.Name == Program || process.Name == Launcher) && await ProcessTable.EndAsync(Pid, grace, cancellationToken);
        }

        try
        {
            File.Delete(PidFile);
        }
        catch (DirectoryNotFoundException)
        {
            // The lab's directory is gone already: so is the pid file.
        }

        return ended;
    }

    /// <summary>The end of its log (stdout and stderr), for error messages.</summary>
    public string LogTail(int characters = 2000)
    {
        try
        {
            var text = File.ReadAllText(LogFile);
            return text.Length <= characters ? text.Trim() : text[^characters..].Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    public override string ToString() => $"{Name} ({Program}, pid {Pid.ToString(CultureInfo.InvariantCulture)})";
}
