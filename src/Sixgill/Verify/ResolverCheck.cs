using System.Net;
using System.Net.Sockets;

namespace Sixgill.Verify;

/// <summary>
/// Check (b), second half: the same name through the node's own resolver (getaddrinfo, as every
/// program resolves), which proves that <c>/etc/resolv.conf</c> sends it to the DNS64 server.
/// </summary>
internal static class ResolverCheck
{
    public const string Name = "system-resolver";

    /// <param name="dnsFailure">The DNS64 server check when it failed: a name that does not resolve then
    /// fails at that hop, not at the resolver, which did its part by asking.</param>
    public static async Task<(CheckResult Result, IPAddress? Address)> RunAsync(VerifyContext context, CheckResult? dnsFailure, CancellationToken cancellationToken)
    {
        var gateway = context.Gateway;
        var name = context.Options.Name;
        var title = $"{name} resolves into {gateway.Dns64Prefix} through this node's resolver";
        var hint = $"the first nameserver in /etc/resolv.conf must be {gateway.Dns64Address} ('sixgill prepare' puts it there; under systemd-resolved see 'resolvectl status')";
        IPAddress[] addresses;
        try
        {
            addresses = await context.Probes.Resolver.ResolveAsync(name, context.Timeout, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            var why = e is TimeoutException ? $"no answer within {context.Timeout.TotalSeconds:0.#} s" : e.Message;
            if (dnsFailure?.Hop is { } hop)
            {
                return (CheckResult.Fail(Name, title, $"{name} does not resolve: {why} (the DNS64 server has no answer either: {Dns64Checks.ServerCheck})", hop,
                    dnsFailure.Hint ?? hint), null);
            }

            return (CheckResult.Fail(Name, title, $"{name} does not resolve: {why}", "resolver /etc/resolv.conf", hint), null);
        }

        if (addresses.FirstOrDefault(context.InPrefix) is { } synthesized)
        {
            return (CheckResult.Pass(Name, title, $"{name} → {context.Describe(synthesized)}"), synthesized);
        }

        var list = addresses.Length == 0 ? "nothing" : string.Join(", ", addresses.Select(a => a.ToString()));
        if (context.Plan.Cluster.Dns64?.AllowAaaaUse == true && addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetworkV6) is { } real)
        {
            return (CheckResult.Pass(Name, title, $"{name} → {real}, a real AAAA (allow_aaaa_use: true)"), real);
        }

        return (CheckResult.Fail(Name, title, $"{name} → {list}: nothing inside {gateway.Dns64Prefix}, so this node does not ask the DNS64 server",
            "resolver /etc/resolv.conf", hint), null);
    }
}
