using System.Net;

namespace Sixgill.Machine;

/// <summary>Why a DNS exchange brought no reply; each points at a different hop.</summary>
internal enum DnsTransportError
{
    None,

    /// <summary>Nothing came back in time: the server is unreachable, or busy waiting on its own upstream.</summary>
    Timeout,

    /// <summary>ICMP port unreachable: the host is there, nothing listens on port 53.</summary>
    PortUnreachable,

    /// <summary>This node has no route to the server.</summary>
    NoRoute,

    Other,
}

/// <summary>A reply, or why there was none.</summary>
internal sealed record DnsExchange(byte[]? Reply, DnsTransportError Error, string? Detail)
{
    public static DnsExchange Failed(DnsTransportError error, string detail) => new(null, error, detail);
}

/// <summary>Sends one DNS query and waits for its reply: the only network I/O of a DNS check.</summary>
internal interface IDnsTransport
{
    Task<DnsExchange> ExchangeAsync(IPEndPoint server, byte[] query, TimeSpan timeout, CancellationToken cancellationToken = default);
}
