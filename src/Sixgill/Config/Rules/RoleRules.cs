using Sixgill.Config.Binding;

namespace Sixgill.Config.Rules;

/// <summary>
/// Who does what: exactly one master, never master and minion on one node; in ipv6 mode exactly one node
/// with dns64 and one with nat64, the same one; dns64 and nat64 nowhere in the other modes.
/// </summary>
internal static class RoleRules
{
    private const NodeRoles Gateway = NodeRoles.Dns64 | NodeRoles.Nat64;

    public static void Check(ClusterDraft draft, List<Diagnostic> diagnostics)
    {
        // Loops, not Where(…).Select(…): on NativeAOT a Select after a Where is a generic virtual call
        // that the runtime resolves on first use (about half a millisecond of every command's start).
        var nodes = new List<Roled>();
        foreach (var node in draft.Nodes)
        {
            if (node.Roles is { } roles)
            {
                nodes.Add(new Roled(node.Name, roles));
            }
        }

        foreach (var node in nodes)
        {
            if (node.Roles.Value.HasFlag(NodeRoles.Master | NodeRoles.Minion))
            {
                diagnostics.Error(DiagnosticCodes.MasterAndMinion, node.Roles.Position,
                    $"node {node.Name} is both master and minion",
                    "keep one of them: the master is a Kubernetes node already");
            }

            if (draft.Mode is ClusterMode.DualStack or ClusterMode.Ipv4 && (node.Roles.Value & Gateway) != 0)
            {
                diagnostics.Error(DiagnosticCodes.GatewayOutsideIpv6, node.Roles.Position,
                    $"node {node.Name} has {Named(node.Roles.Value & Gateway)}, but DNS64 and NAT64 exist only in ipv6 mode; this cluster's mode is {ConfigSpellings.Of(draft.Mode.Value)}",
                    "remove dns64 and nat64 from its opmodes, or set general.mode: ipv6");
            }
        }

        // Counting needs every node's roles: a typo in one node's opmodes must not read as a missing master too.
        if (draft.Nodes.IsEmpty || nodes.Count != draft.Nodes.Length)
        {
            return;
        }

        ExactlyOne(nodes, NodeRoles.Master, DiagnosticCodes.MasterCount, draft.TopologyPosition,
            "no node has master in its opmodes; a cluster needs exactly one", "add master to one node's opmodes",
            "Sixgill builds clusters with exactly one master: make this one a minion");
        if (draft.Mode != ClusterMode.Ipv6)
        {
            return;
        }

        const string oneGateway = "ipv6 mode needs exactly one node that runs DNS64 and NAT64";
        var dns64 = ExactlyOne(nodes, NodeRoles.Dns64, DiagnosticCodes.GatewayCount, draft.TopologyPosition,
            $"no node has dns64 in its opmodes; {oneGateway}", "add \"dns64 nat64\" to one node's opmodes, usually the master's",
            $"remove dns64 here: {oneGateway}");
        var nat64 = ExactlyOne(nodes, NodeRoles.Nat64, DiagnosticCodes.GatewayCount, draft.TopologyPosition,
            $"no node has nat64 in its opmodes; {oneGateway}", "add \"dns64 nat64\" to one node's opmodes, usually the master's",
            $"remove nat64 here: {oneGateway}");
        if (dns64 is { } d && nat64 is { } n && d.Name != n.Name)
        {
            diagnostics.Error(DiagnosticCodes.GatewaySplit, Later(d, n).Roles.Position,
                $"dns64 is on node {d.Name} but nat64 is on node {n.Name}; both run on one gateway node, which the others route through",
                "put dns64 and nat64 on the same node");
        }

        Roled? ExactlyOne(List<Roled> all, NodeRoles role, string code, SourcePosition topology, string none, string noneHint,
            string extraHint)
        {
            var word = Named(role);
            var having = all.Where(n => n.Roles.Value.HasFlag(role)).ToList();
            if (having.Count == 0)
            {
                diagnostics.Error(code, topology, none, noneHint);
                return null;
            }

            foreach (var extra in having.Skip(1))
            {
                diagnostics.Error(code, extra.Roles.Position,
                    $"node {extra.Name} is a second {word} node (the first is {having[0].Name})", extraHint);
            }

            return having.Count == 1 ? having[0] : null;
        }
    }

    private static Roled Later(Roled a, Roled b) => a.Roles.Position.CompareTo(b.Roles.Position) >= 0 ? a : b;

    private static string Named(NodeRoles roles)
    {
        var words = new List<string>();
        foreach (var opmode in ConfigSpellings.Opmodes)
        {
            if (roles.HasFlag(opmode.Value))
            {
                words.Add(opmode.Word);
            }
        }

        return string.Join(" and ", words);
    }

    private sealed record Roled(string Name, Located<NodeRoles> Roles);
}
