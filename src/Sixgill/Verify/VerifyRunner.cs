using System.Diagnostics;
using System.Net;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.DnsProtocol;
using Sixgill.Values;

namespace Sixgill.Verify;

/// <summary>
/// <c>sixgill verify</c> (docs/commands.md): from this node, hop by hop, that an IPv4-only site is
/// reached by name through DNS64 and NAT64, and that every other node answers. Runs on the node
/// it checks; it changes nothing. Checks run in path order, and a check whose input an earlier
/// failure took away is reported as skipped rather than failing twice.
/// </summary>
internal static class VerifyRunner
{
    public static async Task<VerifyReport> RunAsync(Cluster cluster, AddressPlan plan, string nodeName, VerifyOptions options, VerifyProbes probes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(probes);
        var node = plan.Find(nodeName) ?? throw new ArgumentException($"'{nodeName}' is not a node of this cluster", nameof(nodeName));
        var context = new VerifyContext(plan, node, options, probes);
        var clock = Stopwatch.StartNew();
        var checks = new List<CheckResult>();

        if (plan.Gateway is null)
        {
            checks.AddRange(await OwnWayOutChecks.RunAsync(context, cluster.Mode, Timed, cancellationToken));
        }
        else
        {
            DnsResponse? answer = null;
            var server = await Timed(async () => { (var r, answer) = await Dns64Checks.ServerAsync(context, cancellationToken); return r; });
            IPAddress? synthesized = null;
            var synthesis = await Timed(async () => { (var r, synthesized) = await Dns64Checks.SynthesisAsync(context, answer, cancellationToken); return r; });
            IPAddress? resolved = null;
            var resolver = await Timed(async () => { (var r, resolved) = await ResolverCheck.RunAsync(context, Failed(server), cancellationToken); return r; });
            var probe = synthesized ?? resolved ?? StandIn(plan.Gateway);
            var route = await Timed(() => RouteCheck.RunAsync(context, probe, cancellationToken));
            var http = await Timed(() => HttpCheck.RunAsync(context, resolved ?? synthesized, Failed(resolver), cancellationToken));
            checks.AddRange([server, synthesis, resolver, route, http]);
        }

        checks.AddRange(await PeerChecks.RunAsync(context, Timed, cancellationToken));
        return new VerifyReport(node.Name, cluster.Mode.Word(), options.Name, checks, clock.Elapsed);
    }

    /// <summary>
    /// An address inside the prefix to ask the route for when no name resolved: <c>remote_server</c>
    /// as DNS64 would synthesize it, which is as good as any other address there.
    /// </summary>
    private static IPAddress StandIn(GatewayServices gateway) =>
        (gateway.RemoteServer.Family == IpFamily.V4 && Rfc6052.IsAllowedLength(gateway.Dns64Prefix.Length)
            ? Rfc6052.Embed(gateway.Dns64Prefix, gateway.RemoteServer)
            : gateway.Dns64Prefix.Network.Add(1)).ToIPAddress();

    private static CheckResult? Failed(CheckResult check) => check.Outcome == CheckOutcome.Failed ? check : null;

    private static async Task<CheckResult> Timed(Func<Task<CheckResult>> check)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await check();
        return result with { Elapsed = Stopwatch.GetElapsedTime(start) };
    }
}
