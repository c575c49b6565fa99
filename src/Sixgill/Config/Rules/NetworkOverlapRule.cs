using Sixgill.Config.Binding;
using Sixgill.Values;

namespace Sixgill.Config.Rules;

/// <summary>
/// The support, management, pod and service networks and the DNS64 prefix (each family) must not share
/// addresses: routes to one would capture the other. The NAT64 pool is left out: it lies inside
/// <c>support_net.v4cidr</c> on purpose (SG040).
/// </summary>
internal static class NetworkOverlapRule
{
    public static void Check(ClusterDraft draft, List<Diagnostic> diagnostics)
    {
        var networks = Networks(draft).OrderBy(n => n.Position).ToList();
        for (var later = 1; later < networks.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                var (a, b) = (networks[earlier], networks[later]);
                if (a.Value.Overlaps(b.Value))
                {
                    diagnostics.Error(DiagnosticCodes.NetworksOverlap, b.Position,
                        $"{b.Key} {b.Value} overlaps {a.Key} {a.Value}",
                        "the support, management, pod and service networks and the DNS64 prefix each need their own addresses");
                }
            }
        }
    }

    private static IEnumerable<Located<Prefix>> Networks(ClusterDraft draft)
    {
        var gateway = draft.Gateway;
        Located<Prefix>?[] single = [gateway.Support?.Cidr, gateway.Support?.V4Cidr, gateway.Dns64?.Prefix];
        return single.Where(n => n is not null).Select(n => n!.Value)
            .Concat(draft.Mgmt.Bound)
            .Concat(draft.Pod.Bound.Select(p => p.Cidr))
            .Concat(draft.Service.Bound);
    }
}
