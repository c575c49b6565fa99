using System.Net;
using Sixgill.Machine;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>A DNS server that answers (an empty reply to the query) while <see cref="Answering"/> says so.</summary>
internal sealed class FakeDns(Func<IPEndPoint, bool> answering) : IDnsTransport
{
    public Func<IPEndPoint, bool> Answering { get; set; } = answering;

    public int Queries { get; private set; }

    public Task<DnsExchange> ExchangeAsync(IPEndPoint server, byte[] query, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Queries++;
        if (!Answering(server))
        {
            return Task.FromResult(DnsExchange.Failed(DnsTransportError.PortUnreachable, "port 53 unreachable: nothing listens there"));
        }

        var reply = query.ToArray();
        reply[2] |= 0x80; // QR: a response, with the question and no answers
        return Task.FromResult(new DnsExchange(reply, DnsTransportError.None, null));
    }
}
