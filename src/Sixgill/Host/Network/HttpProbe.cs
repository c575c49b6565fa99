using System.Net;
using System.Net.Sockets;
using Sixgill.Machine;

namespace Sixgill.Host.Network;

/// <summary>
/// HttpClient with its own connect step, so the report can say which address the name led to
/// (the synthesized IPv6 one, through NAT64). Proxies are off: an <c>http_proxy</c> in the
/// environment would test the proxy, not the node's own path.
/// </summary>
internal sealed class HttpProbe : IHttpProbe
{
    private const int MaxBody = 64 * 1024;

    public async Task<HttpProbeResult> GetAsync(Uri url, TimeSpan timeout, AddressFamily family = AddressFamily.Unspecified, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        EndPoint? remote = null;
        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectTimeout = timeout,
            ConnectCallback = async (context, token) =>
            {
                // Dual-mode: tries every address getaddrinfo returns, in its order, as HttpClient would.
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    if (family == AddressFamily.Unspecified)
                    {
                        await socket.ConnectAsync(context.DnsEndPoint, token);
                    }
                    else
                    {
                        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, family, token);
                        if (addresses.Length == 0)
                        {
                            throw new SocketException((int)SocketError.HostNotFound);
                        }

                        await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, token);
                    }

                    remote = socket.RemoteEndPoint;
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var body = await ReadBodyAsync(response, deadline.Token);
            return new HttpProbeResult((int)response.StatusCode, body, remote, HttpProbeError.None, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HttpProbeResult(null, null, remote, HttpProbeError.Timeout, $"no response within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            var socketError = FindSocketError(e);
            var error = e.HttpRequestError == HttpRequestError.NameResolutionError || socketError == SocketError.HostNotFound ? HttpProbeError.NameResolution
                : socketError == SocketError.ConnectionRefused ? HttpProbeError.Refused
                : socketError is SocketError.NetworkUnreachable or SocketError.HostUnreachable ? HttpProbeError.NoRoute
                : socketError == SocketError.TimedOut ? HttpProbeError.Timeout
                : HttpProbeError.Other;
            return new HttpProbeResult(null, null, remote, error, e.InnerException?.Message ?? e.Message);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBody];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static SocketError? FindSocketError(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }
}
