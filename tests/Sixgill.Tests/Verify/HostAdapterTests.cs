using System.Net;
using System.Net.Sockets;
using System.Text;
using Sixgill.DnsProtocol;
using Sixgill.Host.Network;
using Sixgill.Machine;

namespace Sixgill.Tests.Verify;

/// <summary>The real DNS and HTTP adapters against servers on loopback in this process (no root, no lab).</summary>
public sealed class HostAdapterTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_udp_transport_returns_the_reply_with_the_query_id_and_ignores_others()
    {
        using var server = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)server.Client.LocalEndPoint!;
        var serving = Task.Run(async () =>
        {
            var request = await server.ReceiveAsync(Cancel);
            var stray = DnsWire.Reply(new DnsQuery(0x0001, "other.test", DnsRecordType.A).Encode(), DnsResponseCode.NoError);
            await server.SendAsync(stray, request.RemoteEndPoint, Cancel);
            await server.SendAsync(DnsWire.Reply(request.Buffer, DnsResponseCode.NoError, DnsWire.Address("203.0.113.80")), request.RemoteEndPoint, Cancel);
        }, Cancel);

        var query = new DnsQuery(0x4242, "web.example.test", DnsRecordType.A);
        var exchange = await new UdpDnsTransport().ExchangeAsync(endpoint, query.Encode(), TimeSpan.FromSeconds(5), cancellationToken: Cancel);
        await serving;

        exchange.Error.ShouldBe(DnsTransportError.None);
        var lookup = DnsClient.Read(query, exchange);
        lookup.Response!.Addresses(DnsRecordType.A).Single().ShouldBe(IPAddress.Parse("203.0.113.80"));
    }

    [Fact]
    public async Task A_closed_port_is_port_unreachable_at_once_not_a_timeout()
    {
        using var closed = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)closed.Client.LocalEndPoint!;
        closed.Close();

        var exchange = await new UdpDnsTransport().ExchangeAsync(endpoint, new DnsQuery(1, "x.test", DnsRecordType.A).Encode(), TimeSpan.FromSeconds(5), cancellationToken: Cancel);

        exchange.Error.ShouldBe(DnsTransportError.PortUnreachable);
    }

    [Fact]
    public async Task A_silent_server_is_a_timeout()
    {
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)silent.Client.LocalEndPoint!;

        var exchange = await new UdpDnsTransport().ExchangeAsync(endpoint, new DnsQuery(1, "x.test", DnsRecordType.A).Encode(), TimeSpan.FromMilliseconds(200), Cancel);

        exchange.Error.ShouldBe(DnsTransportError.Timeout);
    }

    [Fact]
    public async Task The_http_probe_reads_status_body_and_the_address_it_reached()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync(Cancel);
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var request = "";
            while (!request.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, Cancel);
                request += Encoding.ASCII.GetString(buffer, 0, read);
            }

            var body = "hello from the IPv4-only web\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.0 200 OK\r\nContent-Length: {body.Length}\r\n\r\n{body}"), Cancel);
        }, Cancel);

        var result = await new HttpProbe().GetAsync(new Uri($"http://127.0.0.1:{port}/"), TimeSpan.FromSeconds(5), cancellationToken: Cancel);
        await serving;

        result.Error.ShouldBe(HttpProbeError.None, result.Detail);
        result.Status.ShouldBe(200);
        result.Body.ShouldBe("hello from the IPv4-only web\n");
        ((IPEndPoint)result.Remote!).Port.ShouldBe(port);
    }

    [Fact]
    public async Task A_closed_tcp_port_is_refused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await new HttpProbe().GetAsync(new Uri($"http://127.0.0.1:{port}/"), TimeSpan.FromSeconds(5), cancellationToken: Cancel);

        result.Error.ShouldBe(HttpProbeError.Refused, result.Detail);
    }
}
