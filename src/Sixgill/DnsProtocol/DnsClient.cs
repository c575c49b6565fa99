using System.Net;
using Sixgill.Machine;

namespace Sixgill.DnsProtocol;

/// <summary>A DNS reply, or why there was none.</summary>
internal sealed record DnsLookup(DnsResponse? Response, DnsTransportError Error, string? Detail)
{
    public bool Answered => Response is not null;
}

/// <summary>Builds a query, sends it through the transport, checks and parses the reply.</summary>
internal sealed class DnsClient(IDnsTransport transport)
{
    private const int Port = 53;

    public async Task<DnsLookup> QueryAsync(IPAddress server, string name, DnsRecordType type, DnsClass @class, TimeSpan timeout,
        int attempts = 2, CancellationToken cancellationToken = default)
    {
        DnsLookup lookup = new(null, DnsTransportError.Other, "not sent");
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            // A random id, so a stray reply to someone else's query is never taken for ours. Random.Shared
            // is seeded from the kernel's random bytes; RandomNumberGenerator would load libssl and
            // libcrypto for these two bytes (see Values/Sha256), several ms of the gateway's named step.
            var query = new DnsQuery((ushort)Random.Shared.Next(0, 65536), name, type, @class);
            var exchange = await transport.ExchangeAsync(new IPEndPoint(server, Port), query.Encode(), timeout, cancellationToken);
            lookup = Read(query, exchange);

            // Only a lost datagram is worth a second try; a refusal or a missing route will not change.
            if (lookup.Error != DnsTransportError.Timeout)
            {
                return lookup;
            }
        }

        return lookup;
    }

    internal static DnsLookup Read(DnsQuery query, DnsExchange exchange)
    {
        if (exchange.Reply is not { } reply)
        {
            return new DnsLookup(null, exchange.Error, exchange.Detail);
        }

        try
        {
            var response = DnsResponse.Parse(reply);
            if (!response.IsResponse || response.Id != query.Id)
            {
                return new DnsLookup(null, DnsTransportError.Other, "the reply is not a response to this query");
            }

            return new DnsLookup(response, DnsTransportError.None, null);
        }
        catch (DnsFormatException e)
        {
            return new DnsLookup(null, DnsTransportError.Other, $"malformed reply: {e.Message}");
        }
    }
}
