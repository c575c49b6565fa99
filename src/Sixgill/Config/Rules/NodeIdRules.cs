using Sixgill.Config.Binding;
using Sixgill.Values;

namespace Sixgill.Config.Rules;

/// <summary>
/// Node ids: at least 1, unique, and small enough that the node's management address and pod subnet
/// lie inside their networks (docs/address-plan.md). Id 1 is warned: network + 1 is usually a router.
/// </summary>
internal static class NodeIdRules
{
    public static void Check(ClusterDraft draft, List<Diagnostic> diagnostics)
    {
        var owners = new Dictionary<int, string>();
        foreach (var node in draft.Nodes)
        {
            if (node.Id is not { } id)
            {
                continue;
            }

            if (id.Value < 1)
            {
                diagnostics.Error(DiagnosticCodes.IdTooSmall, id.Position, $"id of node {node.Name} is {id.Value}; ids start at 1",
                    "Orca advises ids from 2 up");
                continue;
            }

            if (id.Value == 1)
            {
                var address = draft.Mgmt.Primary is { } mgmt && mgmt.Value.HostBits > 0 ? $" ({mgmt.Value.Address(1)})" : "";
                diagnostics.Warning(DiagnosticCodes.IdOne, id.Position,
                    $"id 1 gives node {node.Name} the first address of each network{address}, usually a router's",
                    "Orca advises ids from 2 up");
            }

            if (!owners.TryAdd(id.Value, node.Name))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateId, id.Position,
                    $"id {id.Value} of node {node.Name} is already node {owners[id.Value]}'s",
                    "give every node its own id: it picks the node's addresses and pod subnet");
            }

            CheckFits(node.Name, id, draft, diagnostics);
        }
    }

    private static void CheckFits(string name, Located<int> id, ClusterDraft draft, List<Diagnostic> diagnostics)
    {
        foreach (var mgmt in draft.Mgmt.Bound)
        {
            Report(LargestAddressNumber(mgmt.Value), $"{mgmt.Key} {mgmt.Value}");
        }

        foreach (var pod in draft.Pod.Bound.Where(PodSubnetRules.HasValidNodeSize))
        {
            Report(pod.Cidr.Value.LastSubnetNumber(pod.NodeSize.Value),
                $"{pod.Cidr.Key} {pod.Cidr.Value} with /{pod.NodeSize.Value} node subnets");
        }

        void Report(UInt128 largest, string network)
        {
            if ((UInt128)id.Value <= largest)
            {
                return;
            }

            diagnostics.Error(DiagnosticCodes.IdTooLarge, id.Position,
                largest == 0
                    ? $"id {id.Value} of node {name} does not fit {network}, which has no room for any node"
                    : $"id {id.Value} of node {name} does not fit {network}: the largest id that fits is {largest}",
                "use a smaller id, or a larger network");
        }
    }

    /// <summary>
    /// The largest n with <c>network + n</c> a usable host address: IPv4 keeps its broadcast address free
    /// (except on /31 and /32, which have none).
    /// </summary>
    private static UInt128 LargestAddressNumber(Prefix network)
    {
        var all = Prefix.HostMask(network.Family, network.Length);
        return network.Family == IpFamily.V4 && network.HostBits >= 2 ? all - 1 : all;
    }
}
