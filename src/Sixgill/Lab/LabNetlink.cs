using Sixgill.Host.Interop;
using Sixgill.Host.Network;

namespace Sixgill.Lab;

/// <summary>
/// Makes a lab's <see cref="LabNetworkChange"/>s over rtnetlink, from inside this process: one
/// socket per lab namespace, opened by a thread inside that namespace
/// (<see cref="NetworkNamespaceThread"/>), which checks it is there and not in the machine's own
/// namespace before anything is opened or written. A change naming a namespace that is not the
/// lab's is refused before anything is sent. Each request takes tens of microseconds where an
/// <c>ip</c> process took milliseconds. Dispose it when the changes are made: an open socket keeps
/// its namespace alive.
/// </summary>
internal sealed class LabNetlink(LabNames names) : IDisposable
{
    private readonly Dictionary<string, RtNetlink> sockets = [];
    private readonly Lock gate = new();

    /// <summary>The namespaces a socket was opened in (every one a lab namespace): what tests check.</summary>
    public IReadOnlyCollection<string> Opened
    {
        get
        {
            lock (this.gate)
            {
                return [.. this.sockets.Keys];
            }
        }
    }

    /// <summary>Makes <paramref name="change"/>; throws <see cref="NetlinkRefusal"/> or an <see cref="IOException"/> saying what failed.</summary>
    public void Apply(LabNetworkChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var ns in change.Namespaces)
        {
            if (!names.Owns(ns) || ns.Contains('/', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"lab '{names.Lab}' changes only its own namespaces (sg-{names.Lab}-…), not '{ns}'");
            }
        }

        lock (this.gate)
        {
            switch (change)
            {
                case NewNamespace n:
                    var path = LabNames.NetnsPath(n.Namespace);
                    var socket = NetworkNamespaceThread.Create(LabNames.NetnsDirectory, path, () => RtNetlink.TryOpen() ?? throw LibC.Error("socket", $"rtnetlink in {path}"));
                    this.sockets[n.Namespace] = socket;
                    break;
                case NamespaceSysctls s:
                    _ = NetworkNamespaceThread.Run(LabNames.NetnsPath(s.Namespace), () =>
                    {
                        foreach (var (key, value) in s.Values)
                        {
                            WriteSysctl(key, value);
                        }

                        return 0;
                    });
                    break;
                case LinkUp l:
                    var link = Index(l.Namespace, l.Link);
                    _ = Socket(l.Namespace).Ask(RtNetlink.NewLink, 0, l.Master is { } master
                        ? RtNetlinkRequests.LinkUpWithMaster(link, Index(l.Namespace, master))
                        : RtNetlinkRequests.LinkUp(link, up: true));
                    break;
                case NewBridge b:
                    _ = Socket(b.Namespace).Ask(RtNetlink.NewLink, RtNetlink.Create | RtNetlink.Exclusive, RtNetlinkRequests.NewBridge(b.Name));
                    break;
                case NewVeth v:
                    var here = Socket(v.Namespace);
                    var peerPath = LabNames.NetnsPath(v.PeerNamespace);
                    var peer = LibC.Open(peerPath, LibC.ReadOnly | LibC.CloseOnExec, 0);
                    if (peer < 0)
                    {
                        throw LibC.Error("open", peerPath);
                    }

                    try
                    {
                        _ = here.Ask(RtNetlink.NewLink, RtNetlink.Create | RtNetlink.Exclusive,
                            RtNetlinkRequests.NewVeth(v.Name, v.Mac is null ? null : RtNetlinkRequests.Mac(v.Mac), v.PeerName, peer));
                    }
                    finally
                    {
                        _ = LibC.Close(peer);
                    }

                    break;
                case NewAddress a:
                    _ = Socket(a.Namespace).Ask(RtNetlink.NewAddress, RtNetlink.Create | RtNetlink.Exclusive,
                        RtNetlinkRequests.Address(Index(a.Namespace, a.Link), a.Address, a.NoDad));
                    break;
                case NewRoute r:
                    _ = Socket(r.Namespace).Ask(RtNetlink.NewRoute, RtNetlink.Create | RtNetlink.Exclusive,
                        RtNetlinkRequests.Route(r.Route, r.Route.Device is { } device ? Index(r.Namespace, device) : null, delete: false, r.OnLink));
                    break;
                default:
                    throw new ArgumentException($"no way to make {change.GetType().Name}", nameof(change));
            }
        }
    }

    public void Dispose()
    {
        lock (this.gate)
        {
            foreach (var socket in this.sockets.Values)
            {
                socket.Dispose();
            }

            this.sockets.Clear();
        }
    }

    /// <summary>The socket of a lab namespace made before (by <c>ip netns add</c> or another process): opened from inside it.</summary>
    private RtNetlink Socket(string ns)
    {
        if (!this.sockets.TryGetValue(ns, out var socket))
        {
            var path = LabNames.NetnsPath(ns);
            socket = NetworkNamespaceThread.Run(path, () => RtNetlink.TryOpen() ?? throw LibC.Error("socket", $"rtnetlink in {path}"));
            this.sockets[ns] = socket;
        }

        return socket;
    }

    private int Index(string ns, string link)
    {
        try
        {
            var reply = Socket(ns).Ask(RtNetlink.GetLink, 0, RtNetlinkRequests.LinkByName(link));
            return reply.Count > 0 ? RtNetlinkMessages.Link(reply[0]).Index : throw new IOException($"Cannot find device \"{link}\"");
        }
        catch (NetlinkRefusal refusal) when (refusal.Errno == NetlinkRefusal.NoDevice)
        {
            throw new IOException($"Cannot find device \"{link}\"", refusal);
        }
    }

    /// <summary>A <c>net.*</c> sysctl of the namespace the calling thread is in (<c>/proc/sys/net</c> follows the thread's namespace).</summary>
    private static void WriteSysctl(string key, string value)
    {
        if (!key.StartsWith("net.", StringComparison.Ordinal) || key.Contains("..", StringComparison.Ordinal) || key.Contains('/', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"a lab writes only net.* sysctls in its namespaces, not '{key}'");
        }

        File.WriteAllText("/proc/sys/" + key.Replace('.', '/'), value);
    }
}
