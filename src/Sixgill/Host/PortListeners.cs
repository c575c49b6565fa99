using System.Globalization;
using System.Net;
using System.Runtime.Versioning;

namespace Sixgill.Host;

/// <summary>A socket bound to a port: by which process, on which address, under which systemd unit.</summary>
/// <param name="Protocol"><c>tcp</c> or <c>udp</c>.</param>
/// <param name="Address">The local address; <see cref="IPAddress.IPv6Any"/> or <see cref="IPAddress.Any"/> for a wildcard.</param>
/// <param name="Process">The process holding it; null when no process of this node could be found for it.</param>
/// <param name="Unit">The systemd service its process runs in (from its cgroup); null outside any.</param>
internal sealed record PortListener(string Protocol, IPAddress Address, int Port, RunningProgram? Process, string? Unit)
{
    public bool IsWildcard => Address.Equals(IPAddress.IPv6Any) || Address.Equals(IPAddress.Any);

    /// <summary><c>0100007F:0035</c> (IPv4) or 32 hex digits (IPv6), each 32-bit word in the kernel's byte order, then the port.</summary>
    public static (IPAddress Address, int Port)? ParseEndpoint(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        var hex = text[..colon];
        if (hex.Length is not (8 or 32))
        {
            return null;
        }

        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return (new IPAddress(bytes), port);
    }

    public override string ToString() =>
        $"{(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString())}:{Port.ToString(CultureInfo.InvariantCulture)}/{Protocol}";
}

/// <summary>Who listens on a port in this node's network namespace.</summary>
internal interface IPortListeners
{
    /// <summary>Every TCP listener and bound UDP socket on <paramref name="port"/>, IPv4 and IPv6.</summary>
    IReadOnlyList<PortListener> On(int port);
}

/// <summary>No listener at all (the default for nodes in memory).</summary>
internal sealed class NoPortListeners : IPortListeners
{
    public static NoPortListeners Instance { get; } = new();

    public IReadOnlyList<PortListener> On(int port) => [];
}

/// <summary>
/// <see cref="IPortListeners"/> through <c>/proc/net/{tcp,udp}{,6}</c> (this network namespace's
/// sockets), their inodes matched to processes through <c>/proc/PID/fd</c>, and each process's unit
/// through <c>/proc/PID/cgroup</c>.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class ProcPortListeners(IProcessTable processes) : IPortListeners
{
    private const string TcpListen = "0A";
    private const string UdpUnconnected = "07";

    public IReadOnlyList<PortListener> On(int port)
    {
        var sockets = new List<(string Protocol, IPAddress Address, string Inode)>();
        foreach (var (file, protocol, state) in new[] { ("tcp", "tcp", TcpListen), ("tcp6", "tcp", TcpListen), ("udp", "udp", UdpUnconnected), ("udp6", "udp", UdpUnconnected) })
        {
            var path = $"/proc/net/{file}";
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == state && PortListener.ParseEndpoint(fields[1]) is { } local && local.Port == port)
                {
                    sockets.Add((protocol, local.Address, fields[9]));
                }
            }
        }

        if (sockets.Count == 0)
        {
            return [];
        }

        var owners = SocketOwners([.. sockets.Select(s => s.Inode)]);
        return [.. sockets.Select(s =>
        {
            var pid = owners.GetValueOrDefault(s.Inode);
            var process = pid > 0 ? processes.Find(pid) : null;
            return new PortListener(s.Protocol, s.Address, port, process, process is null ? null : UnitOf(pid));
        })];
    }

    /// <summary>The pid holding each socket inode (any one of them when several share it).</summary>
    private static Dictionary<string, int> SocketOwners(IReadOnlyCollection<string> inodes)
    {
        var wanted = inodes.Select(i => $"socket:[{i}]").ToHashSet(StringComparer.Ordinal);
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries($"{directory}/fd"))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && wanted.Contains(target))
                    {
                        owners.TryAdd(target[8..^1], pid);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Ended while being read, or not ours to read (as a normal user).
            }
        }

        return owners;
    }

    /// <summary>The <c>.service</c> its cgroup (v2: <c>0::/system.slice/named.service</c>) names; null outside one.</summary>
    private static string? UnitOf(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cgroup"))
            {
                var path = line[(line.LastIndexOf(':') + 1)..];
                var unit = path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(p => p.EndsWith(".service", StringComparison.Ordinal));
                if (unit is not null)
                {
                    return unit;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone meanwhile.
        }

        return null;
    }
}
