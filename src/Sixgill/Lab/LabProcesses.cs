using Sixgill.Host;

namespace Sixgill.Lab;

/// <summary>
/// Runs the lab's commands and remembers the long-running ones it started, so the lab ends
/// exactly those, by pid, when it is removed.
/// </summary>
internal sealed class LabProcesses
{
    private readonly List<RunningProcess> _started = [];
    private readonly Lock _gate = new();

    public LabProcesses(IProcessRunner runner)
    {
        Runner = runner;
    }

    public IProcessRunner Runner { get; }

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken) => Runner.RunAsync(request, cancellationToken);

    public RunningProcess Start(ProcessRequest request)
    {
        var process = Runner.Start(request);
        lock (_gate)
        {
            _started.Add(process);
        }

        return process;
    }

    /// <summary>Ends every process this lab started (SIGTERM, then SIGKILL after the grace time), all at once.</summary>
    public async Task StopAllAsync()
    {
        RunningProcess[] started;
        lock (_gate)
        {
            started = [.. _started];
            _started.Clear();
        }

        await Task.WhenAll(started.Select(p => p.DisposeAsync().AsTask()));
    }
}
