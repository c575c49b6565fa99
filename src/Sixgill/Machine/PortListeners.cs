using System.Globalization;
using System.Net;

namespace Sixgill.Machine;

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
    /// <param name="port">The port.</param>
    /// <param name="likelyOwner">
    /// A process expected to hold them (0: none), looked at first. When it holds every one, no other
    /// process is read (a socket it shares with another process then counts as its own).
    /// </param>
    IReadOnlyList<PortListener> On(int port, int likelyOwner = 0);
}

/// <summary>No listener at all (the default for nodes in memory).</summary>
internal sealed class NoPortListeners : IPortListeners
{
    public static NoPortListeners Instance { get; } = new();

    public IReadOnlyList<PortListener> On(int port, int likelyOwner = 0) => [];
}

