using Sixgill.Host;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>The node's processes: daemons the fake programs start, and whatever a test puts there.</summary>
internal sealed class FakeProcessTable(Doom? doom = null) : IProcessTable
{
    private readonly Doom doom = doom ?? new Doom();
    private readonly SortedDictionary<int, RunningProgram> processes = [];
    private int nextPid = 1000;

    public List<string> Log { get; } = [];

    public IEnumerable<RunningProgram> All => processes.Values;

    public RunningProgram Spawn(string program, IReadOnlyList<string> arguments)
    {
        var process = new RunningProgram(nextPid++, program, "/usr/sbin/" + program, [program, .. arguments]);
        processes[process.Pid] = process;
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
        processes.Remove(pid);
    }

    public string Snapshot() => string.Concat(processes.Values.Select(p => $"process {p.Pid} {string.Join(' ', p.Arguments)}\n"));
}
