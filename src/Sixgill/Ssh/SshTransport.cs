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

    private readonly ConcurrentDictionary<string, SshNode> nodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NodeConnection> connections = new(StringComparer.Ordinal);
    private readonly Action<string, string> progress;

    private SshTransport(Action<string, string> progress)
    {
        this.progress = progress;
    }

    public string ConfigPath => Delivery.Config;

    /// <summary>How each node was opened, in the order asked.</summary>
    public IReadOnlyList<NodeConnection> Connections { get; private set; } = [];

    /// <summary>Nodes whose name did not resolve or that did not answer in time.</summary>
    public IReadOnlyList<NodeConnection> Unreachable => [.. Connections.Where(c => c.Failure?.Failure == SshFailure.Unreachable)];

    /// <summary>
    /// Connects to every node (host key, login), at most <paramref name="parallel"/> at once. Nothing
    /// is sent yet: when <see cref="Unreachable"/> is not empty the run stops here with no node changed.
    /// </summary>
    /// <param name="progress">Told (node, what it does now) as each node moves on.</param>
    public static async Task<SshTransport> ConnectAsync(IReadOnlyList<(string Node, SshTarget Target)> nodes, SshSettings settings,
        int parallel, Action<string, string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var transport = new SshTransport(progress);
        transport.Connections = await Bounded(nodes, parallel, n => transport.ConnectOneAsync(n.Node, n.Target, settings, cancellationToken), cancellationToken);
        return transport;
    }

    /// <summary>
    /// On every connected node: sudo, OS and architecture, then the files of <paramref name="delivery"/>
    /// whose SHA-256 differs there. A node that fails here fails its run; the others go on.
    /// </summary>
    public async Task DeliverAsync(Delivery delivery, int parallel, CancellationToken cancellationToken)
    {
        Connections = await Bounded(Connections, parallel, c => c.Failure is null ? DeliverOneAsync(c, delivery, cancellationToken) : Task.FromResult(c), cancellationToken);
    }

    private static async Task<NodeConnection[]> Bounded<T>(IEnumerable<T> items, int parallel, Func<T, Task<NodeConnection>> work, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(parallel);
        return await Task.WhenAll(items.Select(async item =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await work(item);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    public SshNode? Node(string name) => this.nodes.GetValueOrDefault(name);

    public async Task<ProcessResult> RunSixgillAsync(string node, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var clock = Stopwatch.StartNew();
        if (this.connections.TryGetValue(node, out var connection) && connection.Failure is { } failure)
        {
            return new ProcessResult(["sixgill", .. arguments], RefusedCode, "", failure.Message + (failure.Fix is null ? "" : $"\n  fix: {failure.Fix}"), TimeSpan.Zero);
        }

        this.progress(node, "running sixgill " + arguments[0]);
        var result = await this.nodes[node].RunSixgillAsync(arguments, line => this.progress(node, line), cancellationToken);
        return new ProcessResult([Delivery.Binary, .. arguments], result.ExitCode, result.StandardOutput, result.StandardError, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in this.nodes.Values)
        {
            await node.DisposeAsync();
        }

        this.nodes.Clear();
    }

    private async Task<NodeConnection> ConnectOneAsync(string name, SshTarget target, SshSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        this.progress(name, $"connecting to {target}");
        try
        {
            this.nodes[name] = await SshNode.ConnectAsync(name, target, settings, cancellationToken);
            return Record(new NodeConnection(name, target, null, [], "", clock.Elapsed));
        }
        catch (SshNodeException e)
        {
            return Record(Failed(new NodeConnection(name, target, null, [], "", clock.Elapsed), e));
        }
    }

    private async Task<NodeConnection> DeliverOneAsync(NodeConnection connection, Delivery delivery, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var name = connection.Node;
        var node = this.nodes[name];
        try
        {
            var there = await node.CheckAsync(delivery, cancellationToken);
            var missing = delivery.Files.Where(f => there.Hashes.GetValueOrDefault(f.RemotePath) != f.Sha256).ToList();
            if (missing.Count > 0)
            {
                this.progress(name, $"sending {(missing.Count > 3 ? $"{missing.Count} files" : string.Join(", ", missing.Select(f => f.Name)))} ({Megabytes(missing.Sum(f => f.Length))})");
                await node.SendAsync(delivery, missing, cancellationToken);
            }
            else if (there.Unrecorded)
            {
                await node.RecordAsync(delivery, cancellationToken);
            }

            var facts = $"{node.Platform}, key exchange {node.KeyExchange}, cipher {node.Cipher}";
            this.progress(name, missing.Count == 0 ? $"ready ({facts}; program and config unchanged, nothing sent)" : $"ready ({facts})");
            return Record(connection with { Sent = [.. missing.Select(f => f.Name)], Platform = node.Platform, Elapsed = connection.Elapsed + clock.Elapsed });
        }
        catch (SshNodeException e)
        {
            this.nodes.TryRemove(name, out _);
            await node.DisposeAsync();
            return Record(Failed(connection with { Elapsed = connection.Elapsed + clock.Elapsed }, e));
        }
    }

    private NodeConnection Failed(NodeConnection connection, SshNodeException e)
    {
        this.progress(connection.Node, e.Failure == SshFailure.HostKey ? "host key refused" : e.Message.Split('\n')[0]);
        return connection with { Failure = e };
    }

    private NodeConnection Record(NodeConnection connection)
    {
        this.connections[connection.Node] = connection;
        return connection;
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
