using System.Globalization;
using System.Net;
using Sixgill.Machine;

namespace Sixgill.Verify;

/// <summary>
/// Check (d): an HTTP GET by name, which crosses every hop at once — resolver, DNS64, the route,
/// NAT64 on the gateway, NAT44 and the IPv4 server. How it fails tells which hop: a reset comes
/// from the IPv4 server, so NAT64 works; silence means packets die on the way, most likely at NAT64.
/// </summary>
internal static class HttpCheck
{
    public const string Name = "http-by-name";

    /// <param name="resolverFailure">The resolver check when it failed: a name that does not resolve
    /// here fails at the same hop.</param>
    public static async Task<CheckResult> RunAsync(VerifyContext context, IPAddress? resolved, CheckResult? resolverFailure, CancellationToken cancellationToken)
    {
        var gateway = context.Gateway;
        var url = context.Options.EffectiveUrl;
        var title = $"HTTP GET {url} through NAT64 returns the page";
        var result = await context.Probes.Http.GetAsync(url, context.Timeout * 2, cancellationToken: cancellationToken);
        var target = result.Remote is IPEndPoint remote ? context.Describe(remote.Address) + " port " + remote.Port.ToString(CultureInfo.InvariantCulture)
            : resolved is not null ? context.Describe(resolved) : url.Host;
        var ipv4Hop = $"IPv4 server {Ipv4Of(context, result.Remote, resolved) ?? url.Host} port {url.Port.ToString(CultureInfo.InvariantCulture)}";
        var nat64Hint = $"on {gateway.NodeName}: TAYGA runs (systemctl status sixgill-nat64), link {GatewayTunnel} is up with routes to {gateway.Dns64Prefix} and {gateway.Nat64Pool}, "
            + $"nft table ip sixgill masquerades {gateway.Nat64Pool}, forwarding is on (net.ipv6.conf.all.forwarding, net.ipv4.ip_forward), and its uplink reaches the IPv4 server";

        return result.Error switch
        {
            HttpProbeError.None when result.Status != 200 =>
                CheckResult.Fail(Name, title, $"HTTP {result.Status} from {target}: the path through NAT64 works, the server does not serve this URL", ipv4Hop,
                    "check the URL (verify --url URL)"),
            HttpProbeError.None when context.Options.ExpectedText is { } text && !(result.Body ?? "").Contains(text, StringComparison.Ordinal) =>
                CheckResult.Fail(Name, title, $"HTTP 200 from {target}, but the page does not contain \"{text}\"", ipv4Hop, "check the URL and the expected text"),
            HttpProbeError.None =>
                CheckResult.Pass(Name, title, $"HTTP 200 from {target}, {(result.Body ?? "").Length.ToString(CultureInfo.InvariantCulture)} characters"),
            HttpProbeError.NameResolution =>
                CheckResult.Fail(Name, title, $"{url.Host} does not resolve: {result.Detail}", resolverFailure?.Hop ?? "resolver /etc/resolv.conf",
                    resolverFailure?.Hint ?? $"the first nameserver in /etc/resolv.conf must be {gateway.Dns64Address}"),
            HttpProbeError.Refused =>
                CheckResult.Fail(Name, title, $"connection to {target} refused: the reset came back through NAT64, so nothing listens there", ipv4Hop,
                    "the path works up to the IPv4 server; check the server and the port (verify --url URL)"),
            HttpProbeError.NoRoute =>
                CheckResult.Fail(Name, title, $"no route to {target}: {result.Detail}", context.PrefixRouteHop,
                    $"this node needs the route to {gateway.Dns64Prefix}, and {gateway.NodeName} its route into {GatewayTunnel}"),
            _ =>
                CheckResult.Fail(Name, title, $"no answer from {target}: {result.Detail}", context.Nat64Hop, nat64Hint),
        };
    }

    private const string GatewayTunnel = Addressing.GatewayServices.Nat64Tunnel;

    private static string? Ipv4Of(VerifyContext context, EndPoint? remote, IPAddress? resolved)
    {
        var address = (remote as IPEndPoint)?.Address ?? resolved;
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        return context.InPrefix(address) && Values.Rfc6052.IsAllowedLength(context.Gateway.Dns64Prefix.Length)
            ? Values.Rfc6052.Extract(context.Gateway.Dns64Prefix, Values.Ip.FromIPAddress(address)).ToString()
            : address.ToString();
    }
}
