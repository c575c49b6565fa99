using Sixgill.Machine;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>The node's processes: daemons the fake programs start, and whatever a test puts there.</summary>
internal sealed class FakeProcessTable(Doom? doom = null) : IProcessTable
{
    private readonly Doom doom = doom ?? new Doom();
    private readonly SortedDictionary<int, RunningProgram> processes = [];
    private readonly Dictionary<int, Action> atExit = [];
    private int nextPid = 1000;

    public List<string> Log { get; } = [];

    public IEnumerable<RunningProgram> All => processes.Values;

    /// <param name="onExit">What the program does as it ends (named removes its pid file).</param>
    public RunningProgram Spawn(string program, IReadOnlyList<string> arguments, Action? onExit = null)
    {
        var process = new RunningProgram(nextPid++, program, "/usr/sbin/" + program, [program, .. arguments]);
        processes[process.Pid] = process;
        atExit[process.Pid] = onExit ?? (() => { });
        return process;
    }

    /// <summary>A process that is not a daemon of Sixgill's, at a pid of the test's choosing (a pid reused).</summary>
    public FakeProcessTable With(int pid, string program, params string[] arguments)
    {
        processes[pid] = new RunningProgram(pid, program, "/usr/bin/" + program, [program, .. arguments]);
        return this;
    }

    public RunningProgram? Find(int pid)
    {
        doom.Check();
        return processes.GetValueOrDefault(pid);
    }

    public void Signal(int pid, ProcessSignal signal)
    {
        doom.Change();
        Log.Add($"{signal} {pid}");
        Exit(pid);
    }

    public bool WaitUntilGone(int pid, TimeSpan timeout) => Sixgill.Values.Poll.Until(() => Find(pid) is null, timeout);

    /// <summary>The program ends by itself (systemd stopped its unit), not by a signal from Sixgill.</summary>
    public void End(string program)
    {
        foreach (var pid in processes.Values.Where(p => p.Name == program).Select(p => p.Pid).ToList())
        {
            Exit(pid);
        }
    }

    private void Exit(int pid)
    {
        if (processes.Remove(pid) && atExit.Remove(pid, out var onExit))
        {
            onExit();
        }
    }

    public string Snapshot() => string.Concat(processes.Values.Select(p => $"process {p.Pid} {string.Join(' ', p.Arguments)}\n"));
}
