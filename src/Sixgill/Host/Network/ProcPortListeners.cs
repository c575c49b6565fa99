using System.Globalization;
using System.Net;
using System.Runtime.Versioning;
using Sixgill.Machine;

namespace Sixgill.Host.Network;

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

    public IReadOnlyList<PortListener> On(int port, int likelyOwner = 0)
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

        var owners = SocketOwners([.. sockets.Select(s => s.Inode)], likelyOwner);
        return [.. sockets.Select(s =>
        {
            var pid = owners.GetValueOrDefault(s.Inode);
            var process = pid > 0 ? processes.Find(pid) : null;
            return new PortListener(s.Protocol, s.Address, port, process, process is null ? null : UnitOf(pid));
        })];
    }

    /// <summary>
    /// The pid holding each socket inode (any one of them when several share it; the likely owner
    /// first). Every process's <c>/proc/PID/fd</c> is read only when the likely owner (0: none) does
    /// not hold them all: on a busy machine that is thousands of links, ~10 ms.
    /// </summary>
    private static Dictionary<string, int> SocketOwners(IReadOnlyCollection<string> inodes, int likelyOwner)
    {
        var wanted = inodes.Select(i => $"socket:[{i}]").ToHashSet(StringComparer.Ordinal);
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        if (likelyOwner > 0)
        {
            ReadOwner(likelyOwner, wanted, owners);
            if (owners.Count == wanted.Count)
            {
                return owners;
            }
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != likelyOwner)
            {
                ReadOwner(pid, wanted, owners);
            }
        }

        return owners;
    }

    private static void ReadOwner(int pid, HashSet<string> wanted, Dictionary<string, int> owners)
    {
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/fd"))
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
