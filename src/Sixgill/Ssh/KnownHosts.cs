using System.Globalization;

namespace Sixgill.Ssh;

/// <summary>How a host's key compares with what known_hosts says about that host.</summary>
internal enum HostKeyStatus
{
    /// <summary>A line names the host with this very key.</summary>
    Known,

    /// <summary>No line names the host with a key of this type (it may know keys of other types).</summary>
    Unknown,

    /// <summary>Lines name the host with another key of this type: the host's identity changed.</summary>
    Changed,

    /// <summary>The key is marked <c>@revoked</c>.</summary>
    Revoked,
}

/// <summary>The verdict on one host key, with the lines that led to it (for OpenSSH's "Offending key" line).</summary>
internal sealed record HostKeyVerdict(HostKeyStatus Status, IReadOnlyList<KnownHostsLine> Lines);

/// <summary>
/// The entries of one OpenSSH known_hosts file, to check host keys against the way <c>ssh</c> does
/// (hashed and plain entries, <c>[host]:port</c> for ports other than 22, <c>@revoked</c>). Pure;
/// <see cref="KnownHostsFile"/> reads and appends the file.
/// </summary>
internal sealed class KnownHosts
{
    private readonly IReadOnlyList<KnownHostsLine> lines;

    public KnownHosts(IEnumerable<KnownHostsLine> lines)
    {
        this.lines = [.. lines];
    }

    public static KnownHosts Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select((line, index) => KnownHostsLine.Parse(line.TrimEnd('\r'), index + 1)).OfType<KnownHostsLine>();
        return new KnownHosts(lines);
    }

    /// <summary>The name known_hosts uses for a host at a port: the bare name at 22, <c>[name]:port</c> otherwise.</summary>
    public static string HostName(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        return port == 22 ? host.ToLowerInvariant() : $"[{host.ToLowerInvariant()}]:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    public HostKeyVerdict Check(string host, int port, HostKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = HostName(host, port);
        var naming = this.lines.Where(l => l.Marker != KnownHostsMarker.CertAuthority && l.Names(name)).ToList();
        var revoked = this.lines.Where(l => l.Marker == KnownHostsMarker.Revoked && l.Key.Equals(key)).ToList();
        if (revoked.Count > 0)
        {
            return new HostKeyVerdict(HostKeyStatus.Revoked, revoked);
        }

        var sameType = naming.Where(l => l.Marker == KnownHostsMarker.None && l.Key.Type == key.Type).ToList();
        if (sameType.Any(l => l.Key.Equals(key)))
        {
            return new HostKeyVerdict(HostKeyStatus.Known, [.. sameType.Where(l => l.Key.Equals(key))]);
        }

        return sameType.Count > 0 ? new HostKeyVerdict(HostKeyStatus.Changed, sameType) : new HostKeyVerdict(HostKeyStatus.Unknown, []);
    }

    /// <summary>The key types known for the host, in file order: the host key algorithms to ask for first, as ssh does.</summary>
    public IReadOnlyList<string> KeyTypes(string host, int port)
    {
        var name = HostName(host, port);
        return [.. this.lines.Where(l => l.Marker == KnownHostsMarker.None && l.Names(name)).Select(l => l.Key.Type).Distinct()];
    }

    /// <summary>The line to append for a newly trusted key: hashed, as Debian's ssh writes it (HashKnownHosts yes).</summary>
    public static string NewLine(string host, int port, HostKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"{KnownHostsLine.Hash(HostName(host, port))} {key.Type} {key.Base64}";
    }
}
