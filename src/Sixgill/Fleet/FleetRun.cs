using System.Diagnostics;
using Sixgill.Machine;

namespace Sixgill.Fleet;

/// <summary>
/// Runs one <c>sixgill</c> command on many nodes through a transport, wave after wave (see
/// <see cref="FleetOrder"/>), the nodes of a wave in parallel. A node that fails does not stop the
/// others: every wave runs, and each node's outcome is reported.
/// </summary>
internal sealed class FleetRun
{
    private readonly INodeTransport _transport;
    private readonly Action<NodeRun> _finished;
    private readonly Action<string>? _started;

    /// <param name="finished">Told as each node finishes (progress lines).</param>
    /// <param name="started">Told as each node's run has started (the test hook of the lab demo).</param>
    public FleetRun(INodeTransport transport, Action<NodeRun> finished, Action<string>? started = null)
    {
        _transport = transport;
        _finished = finished;
        _started = started;
    }

    /// <param name="arguments">The command line for a node; its config is at <see cref="INodeTransport.ConfigPath"/>.</param>
    public async Task<IReadOnlyList<NodeRun>> RunAsync(IReadOnlyList<IReadOnlyList<string>> waves, Func<string, IReadOnlyList<string>> arguments,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waves);
        ArgumentNullException.ThrowIfNull(arguments);
        var runs = new List<NodeRun>();
        foreach (var wave in waves)
        {
            var running = wave.Select(node => RunOneAsync(node, arguments(node), cancellationToken)).ToList();
            runs.AddRange(await Task.WhenAll(running));
        }

        return runs;
    }

    private async Task<NodeRun> RunOneAsync(string node, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        NodeRun run;
        try
        {
            var running = _transport.RunSixgillAsync(node, arguments, cancellationToken);
            _started?.Invoke(node);
            var result = await running;
            run = new NodeRun(node, result.ExitCode, clock.Elapsed, result.StandardOutput, result.StandardError);
        }
        catch (Exception e) when (e is ProcessTimeoutException or ProgramNotFoundException)
        {
            run = new NodeRun(node, -1, clock.Elapsed, "", e.Message);
        }

        _finished(run);
        return run;
    }
}
