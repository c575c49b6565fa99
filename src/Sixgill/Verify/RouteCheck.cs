using System.Net;
using Sixgill.Addressing;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Verify;

/// <summary>
/// Check (c): the kernel routes the synthesized address the way the plan says — via the gateway
/// node on every other node, into the <c>nat64</c> tunnel on the gateway itself (docs/address-plan.md).
/// </summary>
internal static class RouteCheck
{
    public const string Name = "route-to-prefix";

    public static async Task<CheckResult> RunAsync(VerifyContext context, IPAddress destination, CancellationToken cancellationToken)
    {
        var gateway = context.Gateway;
        var title = $"a route to the DNS64 prefix {gateway.Dns64Prefix}";
        var expected = context.Node.PrepareRoutes.FirstOrDefault(r => r.Purpose == RoutePurpose.Dns64Prefix);
        var hint = expected is null ? $"'sixgill prepare' adds the route to {gateway.Dns64Prefix}" : $"'sixgill prepare' adds '{expected}'";
        ProcessResult result;
        try
        {
            result = await context.Probes.Runner.RunAsync(
                new ProcessRequest(RouteLookup.Command(destination.ToString())) { Timeout = context.Timeout }, cancellationToken);
        }
        catch (ProgramNotFoundException)
        {
            return CheckResult.Fail(Name, title, "'ip' is not installed", context.PrefixRouteHop, "install iproute2");
        }

        var route = result.Succeeded ? RouteLookup.Parse(result.StandardOutput) : null;
        if (route is null)
        {
            var why = result.StandardError.Trim() is { Length: > 0 } error ? error : "no route";
            return CheckResult.Fail(Name, title, $"{destination}: {why}", context.PrefixRouteHop, hint);
        }

        if (expected?.Via is { } via && !SameAddress(route.Gateway, via))
        {
            return CheckResult.Fail(Name, title, $"{destination} goes {route}, not via {via} ({gateway.NodeName})", context.PrefixRouteHop, hint);
        }

        if (expected?.Device is { } device && route.Device != device)
        {
            return CheckResult.Fail(Name, title, $"{destination} goes {route}, not into {device}", context.PrefixRouteHop, hint);
        }

        return CheckResult.Pass(Name, title, $"{destination} {route}");
    }

    /// <summary>Compared as addresses: the kernel may print an address in another (equal) form than the plan.</summary>
    private static bool SameAddress(string? text, Ip expected) =>
        text is not null && IPAddress.TryParse(text, out var address) && Ip.FromIPAddress(address) == expected;
}
