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
    private readonly INodeTransport transport;
    private readonly Action<NodeRun> finished;
    private readonly Action<string>? started;

    /// <param name="finished">Told as each node finishes (progress lines).</param>
    /// <param name="started">Told as each node's run has started (the test hook of the lab demo).</param>
    public FleetRun(INodeTransport transport, Action<NodeRun> finished, Action<string>? started = null)
    {
        this.transport = transport;
        this.finished = finished;
        this.started = started;
    }

    /// <param name="arguments">The command line for a node; its config is at <see cref="INodeTransport.ConfigPath"/>.</param>
    public Task<IReadOnlyList<NodeRun>> RunAsync(IReadOnlyList<IReadOnlyList<string>> waves, Func<string, IReadOnlyList<string>> arguments,
        CancellationToken cancellationToken) =>
        RunAsync(new FleetWaves(waves, LaterNeedEarlier: false), arguments, int.MaxValue, cancellationToken);

    /// <summary>
    /// Runs the waves, at most <paramref name="parallel"/> nodes at once. When a wave that later ones
    /// need has a failed node, the later waves are not started (reported as "not started: gw failed");
    /// when <paramref name="cancellationToken"/> fires (Ctrl-C), running nodes are told by the transport
    /// and awaited, and nodes not yet started are reported as "not started: interrupted".
    /// </summary>
    public async Task<IReadOnlyList<NodeRun>> RunAsync(FleetWaves waves, Func<string, IReadOnlyList<string>> arguments, int parallel,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waves);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var runs = new List<NodeRun>();
        using var slots = new SemaphoreSlim(parallel);
        string? blocker = null;
        foreach (var wave in waves.Waves)
        {
            if (blocker is not null)
            {
                runs.AddRange(wave.Select(node => Finish(NodeRun.Skipped(node, blocker))));
                continue;
            }

            var running = wave.Select(node => RunSlottedAsync(node, arguments(node), slots, cancellationToken)).ToList();
            var ended = await Task.WhenAll(running);
            runs.AddRange(ended);
            var failed = ended.Where(r => !r.Succeeded).Select(r => r.Node).ToList();
            if (cancellationToken.IsCancellationRequested)
            {
                blocker = "interrupted";
            }
            else if (waves.LaterNeedEarlier && failed.Count > 0)
            {
                blocker = $"{string.Join(", ", failed)} failed";
            }
        }

        return runs;
    }

    private async Task<NodeRun> RunSlottedAsync(string node, IReadOnlyList<string> arguments, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await slots.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return Finish(NodeRun.Skipped(node, "interrupted"));
        }

        try
        {
            return await RunOneAsync(node, arguments, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<NodeRun> RunOneAsync(string node, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        NodeRun run;
        try
        {
            var running = this.transport.RunSixgillAsync(node, arguments, cancellationToken);
            this.started?.Invoke(node);
            var result = await running;
            run = new NodeRun(node, result.ExitCode, clock.Elapsed, result.StandardOutput, result.StandardError);
        }
        catch (Exception e) when (e is ProcessTimeoutException or ProgramNotFoundException)
        {
            run = new NodeRun(node, -1, clock.Elapsed, "", e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run = new NodeRun(node, Interrupted, clock.Elapsed, "", "interrupted");
        }

        return Finish(run);
    }

    private NodeRun Finish(NodeRun run)
    {
        this.finished(run);
        return run;
    }

    /// <summary>128 + SIGINT, as shells report a program Ctrl-C ended.</summary>
    private const int Interrupted = 130;
}
