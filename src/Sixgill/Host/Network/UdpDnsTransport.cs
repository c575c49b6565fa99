using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Sixgill.Machine;

namespace Sixgill.Host.Network;

/// <summary>
/// DNS over UDP. The socket is connected, so the kernel hands ICMP errors back to it: "port
/// unreachable" tells a stopped server from a lost packet at once, instead of after the timeout.
/// </summary>
internal sealed class UdpDnsTransport : IDnsTransport
{
    private const int MaxReply = 4096;

    public async Task<DnsExchange> ExchangeAsync(IPEndPoint server, byte[] query, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(query);
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var id = BinaryPrimitives.ReadUInt16BigEndian(query);
        var buffer = new byte[MaxReply];
        try
        {
            await socket.ConnectAsync(server, deadline.Token);
            await socket.SendAsync(query, SocketFlags.None, deadline.Token);
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);

                // A late reply to an earlier query on a reused port is not this one's.
                if (received >= 2 && BinaryPrimitives.ReadUInt16BigEndian(buffer) == id)
                {
                    return new DnsExchange(buffer[..received], DnsTransportError.None, null);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DnsExchange.Failed(DnsTransportError.Timeout, $"no reply within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => DnsExchange.Failed(DnsTransportError.PortUnreachable, "port 53 unreachable: nothing listens there"),
                SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.AddressNotAvailable
                    => DnsExchange.Failed(DnsTransportError.NoRoute, e.Message),
                _ => DnsExchange.Failed(DnsTransportError.Other, e.Message),
            };
        }
    }
}
