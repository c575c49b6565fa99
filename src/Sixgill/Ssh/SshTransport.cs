using System.Collections.Concurrent;
using System.Diagnostics;
using Sixgill.Config;
using Sixgill.Fleet;
using Sixgill.Machine;

namespace Sixgill.Ssh;

/// <summary>What happened to one node before its command ran: reached or not, and the files sent.</summary>
/// <param name="Sent">The delivered files that were not there as they are here (compared by SHA-256), by name.</param>
internal sealed record NodeConnection(string Node, SshTarget Target, SshNodeException? Failure, IReadOnlyList<string> Sent, string Platform, TimeSpan Elapsed);

/// <summary>
/// The fleet's transport over SSH: opens every node first (connect, host key, login, sudo, OS and
/// architecture, then the program and the config, each sent only when its SHA-256 differs), and then
/// runs <c>sixgill</c> there for <see cref="FleetRun"/>. A node that could not be opened fails its
/// run with the reason; the others go on.
/// </summary>
internal sealed class SshTransport : INodeTransport, IAsyncDisposable
{
    /// <summary>The exit code of a node that could not be used (host key, login, sudo, platform): a precondition.</summary>
    public const int RefusedCode = 3;

    private readonly ConcurrentDictionary<string, SshNode> _nodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NodeConnection> _connections = new(StringComparer.Ordinal);
    private readonly Action<string, string> _progress;

    private SshTransport(Action<string, string> progress)
    {
        _progress = progress;
    }

    public string ConfigPath => Delivery.Config;

    /// <summary>How each node was opened, in the order asked.</summary>
    public IReadOnlyList<NodeConnection> Connections { get; private set; } = [];

    /// <summary>Nodes whose name did not resolve or that did not answer in time.</summary>
    public IReadOnlyList<NodeConnection> Unreachable => [.. Connections.Where(c => c.Failure?.Failure == SshFailure.Unreachable)];

    /// <param name="progress">Told (node, what it does now) as each node moves on.</param>
    public static async Task<SshTransport> OpenAsync(IReadOnlyList<(string Node, SshTarget Target)> nodes, SshSettings settings, Delivery delivery,
        int parallel, Action<string, string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var transport = new SshTransport(progress);
        using var slots = new SemaphoreSlim(parallel);
        var opened = await Task.WhenAll(nodes.Select(async n =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await transport.OpenOneAsync(n.Node, n.Target, settings, delivery, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
        transport.Connections = opened;
        return transport;
    }

    public SshNode? Node(string name) => _nodes.GetValueOrDefault(name);

    public async Task<ProcessResult> RunSixgillAsync(string node, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var clock = Stopwatch.StartNew();
        if (_connections.TryGetValue(node, out var connection) && connection.Failure is { } failure)
        {
            return new ProcessResult(["sixgill", .. arguments], RefusedCode, "", failure.Message + (failure.Fix is null ? "" : $"\n  fix: {failure.Fix}"), TimeSpan.Zero);
        }

        _progress(node, "running sixgill " + arguments[0]);
        var result = await _nodes[node].RunSixgillAsync(arguments, line => _progress(node, line), cancellationToken);
        return new ProcessResult([Delivery.Binary, .. arguments], result.ExitCode, result.StandardOutput, result.StandardError, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.Values)
        {
            await node.DisposeAsync();
        }

        _nodes.Clear();
    }

    private async Task<NodeConnection> OpenOneAsync(string name, SshTarget target, SshSettings settings, Delivery delivery, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        SshNode? node = null;
        NodeConnection connection;
        try
        {
            _progress(name, $"connecting to {target}");
            node = await SshNode.ConnectAsync(name, target, settings, cancellationToken);
            var there = await node.CheckAsync(delivery, cancellationToken);
            var missing = delivery.Files.Where(f => there.GetValueOrDefault(f.RemotePath) != f.Sha256).ToList();
            if (missing.Count > 0)
            {
                _progress(name, $"sending {string.Join(", ", missing.Select(f => f.Name))} ({Megabytes(missing.Sum(f => f.Length))})");
                await node.SendAsync(missing, cancellationToken);
            }

            _progress(name, missing.Count == 0 ? $"ready ({node.Platform}; program and config unchanged, nothing sent)" : $"ready ({node.Platform})");
            _nodes[name] = node;
            connection = new NodeConnection(name, target, null, [.. missing.Select(f => f.Name)], node.Platform, clock.Elapsed);
        }
        catch (SshNodeException e)
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }

            _progress(name, e.Failure == SshFailure.HostKey ? "host key refused" : e.Message.Split('\n')[0]);
            connection = new NodeConnection(name, target, e, [], "", clock.Elapsed);
        }

        _connections[name] = connection;
        return connection;
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
