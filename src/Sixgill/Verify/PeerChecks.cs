using System.Globalization;
using Sixgill.Addressing;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Verify;

/// <summary>
/// Check (e): every other node's management address answers a ping. A TCP connect would need a
/// listener on the far side; ICMP echo needs none. Pings go out in parallel.
/// </summary>
internal static class PeerChecks
{
    public const string Prefix = "peer-";

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(VerifyContext context, Func<Func<Task<CheckResult>>, Task<CheckResult>> timed,
        CancellationToken cancellationToken)
    {
        var peers = context.Plan.Nodes.Where(n => n.Name != context.Node.Name).ToList();
        return await Task.WhenAll(peers.Select(peer => timed(() => PingAsync(context, peer, cancellationToken))));
    }

    public static IReadOnlyList<string> Command(Ip address, TimeSpan timeout) =>
    [
        "ping",
        address.IsV6 ? "-6" : "-4",
        "-c", "1",
        "-W", Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        address.ToString(),
    ];

    private static async Task<CheckResult> PingAsync(VerifyContext context, NodeAddresses peer, CancellationToken cancellationToken)
    {
        var address = peer.ManagementAddress;
        var name = Prefix + peer.Name;
        var title = $"{peer.Name}'s management address {address.Address} answers";
        var hop = $"{peer.Name} {address.Address}";
        var wait = TimeSpan.FromSeconds(1);
        try
        {
            ProcessResult? result = null;

            // Twice: the first echo may be spent on neighbour discovery after a quiet spell.
            for (var attempt = 0; attempt < 2 && result?.Succeeded != true; attempt++)
            {
                result = await context.Probes.Runner.RunAsync(new ProcessRequest(Command(address.Address, wait)) { Timeout = wait + context.Timeout }, cancellationToken);
            }

            return result!.Succeeded
                ? CheckResult.Pass(name, title, $"ping {address.Address}: {RoundTrip(result.StandardOutput) ?? "answered"}")
                : CheckResult.Fail(name, title, $"no answer to ping {address.Address}", hop,
                    $"is {peer.Name} prepared? {address} must be on its {peer.Node.Interface}, and both nodes on the management network {address.Network}");
        }
        catch (ProgramNotFoundException)
        {
            return CheckResult.Fail(name, title, "'ping' is not installed", hop, "install iputils-ping");
        }
        catch (ProcessTimeoutException)
        {
            return CheckResult.Fail(name, title, $"ping {address.Address} did not finish in time", hop, $"is {peer.Name} up?");
        }
    }

    /// <summary>"time=0.045 ms" from ping's reply line, for the report.</summary>
    private static string? RoundTrip(string output)
    {
        var at = output.IndexOf("time=", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var end = output.IndexOf('\n', at);
        return output[at..(end < 0 ? output.Length : end)].Trim();
    }
}
