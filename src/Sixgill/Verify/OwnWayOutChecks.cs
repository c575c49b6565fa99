using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sixgill.Config;
using Sixgill.Machine;

namespace Sixgill.Verify;

/// <summary>
/// The way out of a node that has IPv4 itself (dual-stack and ipv4 modes): no DNS64 and no NAT64,
/// so the node's own resolver and routes must bring it to the web server. Checked by name: the
/// name resolves through the node's resolver, an HTTP GET over IPv4 reaches the server, and in
/// dual-stack the same over IPv6 where the name has an IPv6 address (skipped, and said why, where
/// it has none: there is nothing to reach over IPv6 then).
/// </summary>
internal static class OwnWayOutChecks
{
    public const string ResolverName = "resolve-by-name";

    public const string Ipv4Name = "http-by-name-ipv4";

    public const string Ipv6Name = "http-by-name-ipv6";

    private const string ResolverHop = "resolver /etc/resolv.conf";

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(VerifyContext context, ClusterMode mode, Func<Func<Task<CheckResult>>, Task<CheckResult>> timed,
        CancellationToken cancellationToken)
    {
        var name = context.Options.Name;
        IPAddress[] addresses = [];
        var resolver = await timed(async () =>
        {
            var title = $"{name} resolves through this node's resolver";
            try
            {
                addresses = await context.Probes.Resolver.ResolveAsync(name, context.Timeout, cancellationToken);
                return addresses.Length > 0
                    ? CheckResult.Pass(ResolverName, title, $"{name} → {string.Join(", ", addresses.Select(a => a.ToString()))}")
                    : CheckResult.Fail(ResolverName, title, $"{name} → nothing", ResolverHop, ResolverHint(name));
            }
            catch (Exception e) when (e is SocketException or TimeoutException)
            {
                var why = e is TimeoutException ? $"no answer within {context.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s" : e.Message;
                return CheckResult.Fail(ResolverName, title, $"{name} does not resolve: {why}", ResolverHop, ResolverHint(name));
            }
        });

        var checks = new List<CheckResult> { resolver };
        checks.Add(await timed(() => HttpAsync(context, Ipv4Name, AddressFamily.InterNetwork, addresses, resolver, cancellationToken)));
        if (mode == ClusterMode.DualStack)
        {
            checks.Add(await timed(() => HttpAsync(context, Ipv6Name, AddressFamily.InterNetworkV6, addresses, resolver, cancellationToken)));
        }

        return checks;
    }

    private static async Task<CheckResult> HttpAsync(VerifyContext context, string check, AddressFamily family, IPAddress[] addresses, CheckResult resolver,
        CancellationToken cancellationToken)
    {
        var url = context.Options.EffectiveUrl;
        var ipv = family == AddressFamily.InterNetwork ? "IPv4" : "IPv6";
        var title = $"HTTP GET {url} over {ipv} returns the page";
        if (resolver.Outcome == CheckOutcome.Failed)
        {
            return CheckResult.Skip(check, title, $"needs the name's addresses ({ResolverName} failed)");
        }

        var wanted = addresses.Where(a => a.AddressFamily == family).ToList();
        if (wanted.Count == 0)
        {
            return family == AddressFamily.InterNetworkV6
                ? CheckResult.Skip(check, title, $"{url.Host} has no IPv6 address: there is no IPv6 way out to check here")
                : CheckResult.Fail(check, title, $"{url.Host} has no IPv4 address", ResolverHop, $"give a name with an A record (verify --name NAME)");
        }

        var result = await context.Probes.Http.GetAsync(url, context.Timeout * 2, family, cancellationToken);
        var remote = result.Remote is IPEndPoint endpoint ? Plain(endpoint.Address) : wanted[0];
        var target = $"{remote} port {url.Port.ToString(CultureInfo.InvariantCulture)}";
        var pathHop = $"{ipv} path to {remote}";
        var routeHint = $"this node needs its own {ipv} way out to {remote}: an address and a route (a default route) there; Sixgill leaves the node's own routes as it found them";
        return result.Error switch
        {
            HttpProbeError.None when result.Status != 200 =>
                CheckResult.Fail(check, title, $"HTTP {(result.Status ?? 0).ToString(CultureInfo.InvariantCulture)} from {target}: the path works, the server does not serve this URL",
                    $"server {target}", "check the URL (verify --url URL)"),
            HttpProbeError.None when context.Options.ExpectedText is { } text && !(result.Body ?? "").Contains(text, StringComparison.Ordinal) =>
                CheckResult.Fail(check, title, $"HTTP 200 from {target}, but the page does not contain \"{text}\"", $"server {target}", "check the URL and the expected text"),
            HttpProbeError.None =>
                CheckResult.Pass(check, title, $"HTTP 200 from {target} over {ipv}, {(result.Body ?? "").Length.ToString(CultureInfo.InvariantCulture)} characters"),
            HttpProbeError.Refused =>
                CheckResult.Fail(check, title, $"connection to {target} refused: nothing listens there", $"server {target}", "check the server and the port (verify --url URL)"),
            HttpProbeError.NameResolution =>
                CheckResult.Fail(check, title, $"{url.Host} does not resolve for {ipv}: {result.Detail}", ResolverHop, ResolverHint(url.Host)),
            HttpProbeError.NoRoute => CheckResult.Fail(check, title, $"no route to {target}: {result.Detail}", pathHop, routeHint),
            _ => CheckResult.Fail(check, title, $"no answer from {target}: {result.Detail}", pathHop, routeHint),
        };
    }

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string ResolverHint(string name) =>
        $"in this mode the node resolves with its own DNS: /etc/resolv.conf must name a server that knows {name} (Sixgill changes it only in ipv6 mode)";
}
