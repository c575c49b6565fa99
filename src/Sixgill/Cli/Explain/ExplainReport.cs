using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Json;
using Sixgill.Values;

namespace Sixgill.Cli.Explain;

/// <summary>
/// <c>sixgill explain</c>'s output (docs/steps.md): the address plan as plain text (a block for the
/// cluster, one per node) or as one JSON document with the same data. Pure: it writes only to the
/// writer or stream it is given, and the same plan always renders to the same bytes.
/// </summary>
/// <remarks>
/// Pod routes grow as n² over the cluster, so with all nodes selected they are listed only for
/// clusters of up to <see cref="PodRouteListLimit"/> cluster nodes; beyond that each node says how
/// many there are, and <c>--host</c> lists one node's in full. Nodes are rendered one at a time, so
/// memory stays flat whatever the cluster size.
/// </remarks>
internal sealed class ExplainReport
{
    /// <summary>Largest cluster (master + minion nodes) whose pod routes are listed for every node.</summary>
    public const int PodRouteListLimit = 64;

    private const int LabelWidth = 22;

    private readonly AddressPlan plan;
    private readonly ImmutableArray<NodeAddresses> nodes;

    /// <param name="host">One node to explain, or null for every node. Must be in the topology
    /// (the command checks it first, to list the known names).</param>
    public ExplainReport(AddressPlan plan, string? host = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        this.plan = plan;
        nodes = host is null ? plan.Nodes : [plan[host]];
        var clusterNodes = plan.Nodes.Count(n => n.Node.IsClusterNode);
        ListsPodRoutes = host is not null || clusterNodes <= PodRouteListLimit;
    }

    /// <summary>The nodes this report covers, in topology order.</summary>
    public ImmutableArray<NodeAddresses> Nodes => nodes;

    /// <summary>Whether each node's pod routes are listed one by one (otherwise only counted).</summary>
    public bool ListsPodRoutes { get; }

    public string ToText()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteText(writer);
        return writer.ToString();
    }

    public void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var text = new StringBuilder(4096);
        AppendCluster(text);
        if (plan.Gateway is { } gateway)
        {
            text.Append('\n');
            AppendServices(text, gateway);
        }

        foreach (var node in nodes)
        {
            text.Append('\n');
            AppendNode(text, node);
            // One node at a time: a --host report of a huge cluster has thousands of pod routes.
            writer.Write(text);
            text.Clear();
        }

        writer.Write(text);
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        WriteJson(stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes <see cref="ExplainDocumentJson"/> as UTF-8, streamed node by node, ending in a newline.</summary>
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var writer = new Utf8JsonWriter(stream, ReadableJson.Options))
        {
            writer.WriteStartObject();
            ReadableJson.WriteSchemaVersion(writer);
            writer.WritePropertyName("cluster");
            JsonSerializer.Serialize(writer, ClusterJson(), ExplainJsonContext.Default.ExplainClusterJson);
            writer.WriteStartArray("nodes");
            foreach (var node in nodes)
            {
                JsonSerializer.Serialize(writer, NodeJson(node), ExplainJsonContext.Default.ExplainNodeJson);
                if (writer.BytesPending > 1 << 16)
                {
                    writer.Flush();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    // ---- text ----

    private void AppendCluster(StringBuilder text)
    {
        var cluster = plan.Cluster;
        text.Append("cluster (mode ").Append(ModeName(cluster.Mode))
            .Append(", plugin ").Append(PluginName(cluster.Plugin));
        if (cluster.Mode == ClusterMode.Ipv6)
        {
            text.Append(", runtime ").Append(RuntimeName(cluster.Runtime));
        }

        text.Append(", ").Append(Count(cluster.Nodes.Length, "node")).Append(")\n");
        Field(text, "management network", Join(plan.ManagementNetworks));
        Field(text, "pod network", string.Join(", ", plan.PodNetworks.Select(p => $"{p.Cidr} (/{p.NodeSize} per node)")));
        Field(text, "service network", Join(plan.ServiceNetworks));
        if (cluster.SupportNet is { } support)
        {
            Field(text, "support network", $"{support.Cidr}, {support.V4Cidr}");
        }

        if (cluster.Dns64 is { } dns64)
        {
            Field(text, "DNS64 prefix", dns64.Prefix.ToString());
        }

        Field(text, "cluster DNS", Join(plan.ClusterDns));
        Field(text, "API endpoint", plan.ApiEndpoint.ToString());
        Field(text, "cluster domain", cluster.ClusterDomain);
        if (cluster.KubernetesVersion is { } version)
        {
            Field(text, "kubernetes version", version);
        }

        Field(text, "token", TokenText(cluster));
        Field(text, "/etc/hosts", $"on every node, {Count(plan.HostsEntries.Length, "line")}");
        foreach (var entry in plan.HostsEntries)
        {
            text.Append("    ").Append(entry.ToString()).Append('\n');
        }
    }

    private static void AppendServices(StringBuilder text, GatewayServices gateway)
    {
        var docker = gateway.Runtime == ServiceRuntime.Docker;
        text.Append("services on ").Append(gateway.NodeName)
            .Append(docker ? " (docker: containers bind9 and tayga)\n" : " (native: BIND 9 and TAYGA)\n");
        Field(text, "DNS64 server", docker
            ? $"{gateway.Dns64Address} (container bind9)"
            : $"{gateway.Dns64Address} on {GatewayServices.SupportBridge}");
        Field(text, "forwards to", docker && gateway.RemoteServerSynthesized is { } synthesized
            ? $"{gateway.RemoteServer} as {synthesized}"
            : gateway.RemoteServer.ToString());
        Field(text, "DNS64 prefix", gateway.Dns64Prefix.ToString());
        Field(text, "NAT64", docker
            ? $"{gateway.Nat64Address}, IPv4 {gateway.Nat64V4Address} (container tayga)"
            : $"{gateway.Nat64Address}, IPv4 {gateway.Nat64V4Address}, tunnel {GatewayServices.Nat64Tunnel}");
        Field(text, "NAT64 pool", gateway.Nat64Pool.ToString());
        Field(text, "support gateway", $"{gateway.SupportGateway}, {gateway.SupportV4Gateway}");
    }

    private void AppendNode(StringBuilder text, NodeAddresses node)
    {
        var spec = node.Node;
        text.Append("node ").Append(spec.Name)
            .Append(" (id ").Append(spec.Id.ToString(CultureInfo.InvariantCulture))
            .Append(", interface ").Append(spec.Interface)
            .Append(", ").Append(string.Join(' ', RoleNames(spec.Roles))).Append(")\n");
        Field(text, "management address", Join(node.ManagementAddresses));
        if (node.PodSubnets.IsEmpty)
        {
            Field(text, "pod subnet", "none (not master or minion)");
        }
        else
        {
            Field(text, "pod subnet", Join(node.PodSubnets.Select(p => p.Subnet)));
            Field(text, "pod gateway", Join(node.PodSubnets.Select(p => p.Gateway)));
        }

        Field(text, "nameserver", node.Nameserver is { } nameserver
            ? $"{nameserver} (first nameserver)"
            : "unchanged");

        // Pod routes are listed, or only counted when the cluster is too big for every node to list them.
        var podRoutes = ListsPodRoutes ? plan.PodRoutes(node).ToList() : [];
        var routes = new List<Route>(node.PrepareRoutes.Length + podRoutes.Count);
        routes.AddRange(node.PrepareRoutes);
        routes.AddRange(podRoutes);
        var lines = new string[routes.Count];
        var width = 0;
        for (var i = 0; i < routes.Count; i++)
        {
            lines[i] = routes[i].ToString();
            width = Math.Max(width, lines[i].Length);
        }

        AppendRoutes(text, node, "routes (prepare)", routes, lines, width, 0, node.PrepareRoutes.Length);
        if (node.PodRouteCount == 0)
        {
            return;
        }

        if (ListsPodRoutes)
        {
            AppendRoutes(text, node, "routes (up)", routes, lines, width, node.PrepareRoutes.Length, routes.Count);
        }
        else
        {
            Field(text, "routes (up)", $"{Count(node.PodRouteCount, "pod route")}: each other cluster node's pod subnet via its management address");
            Field(text, string.Empty, $"(list them with --host {spec.Name})");
        }
    }

    private void AppendRoutes(StringBuilder text, NodeAddresses node, string label, List<Route> routes, string[] lines, int width,
        int from, int to)
    {
        if (from == to)
        {
            Field(text, label, "none");
            return;
        }

        text.Append("  ").Append(label).Append('\n');
        for (var i = from; i < to; i++)
        {
            text.Append("    ").Append(lines[i]).Append(' ', width - lines[i].Length + 2)
                .Append(Describe(routes[i], node)).Append('\n');
        }
    }

    private string Describe(Route route, NodeAddresses node) => route.Purpose switch
    {
        RoutePurpose.Dns64Prefix when node.Services is not null => "DNS64 prefix into NAT64",
        RoutePurpose.Dns64Prefix => $"DNS64 prefix via {plan.Gateway?.NodeName}",
        RoutePurpose.SupportNetwork => $"DNS64 and NAT64 services via {plan.Gateway?.NodeName}",
        RoutePurpose.Nat64Pool => "NAT64 pool (return traffic) into NAT64",
        RoutePurpose.Nat64Address => "NAT64's own IPv6 address",
        RoutePurpose.Nat64V4Address => "NAT64's own IPv4 address",
        RoutePurpose.PodSubnet => $"pod subnet of {route.Peer}",
        _ => route.Purpose.ToString(),
    };

    private static void Field(StringBuilder text, string label, string value) =>
        text.Append("  ").Append(label).Append(' ', Math.Max(1, LabelWidth - label.Length)).Append(value).Append('\n');

    private static string TokenText(Cluster cluster) => cluster.Token switch
    {
        Cluster.PlaceholderToken => $"{Cluster.PlaceholderToken} (placeholder: up needs a real token)",
        { } token => Secrets.Mask(token),
        null when cluster.Insecure => $"{Secrets.Mask(Cluster.LabToken)} (the lab token: insecure)",
        null => "none (up needs one unless insecure)",
    };

    // ---- JSON ----

    private ExplainClusterJson ClusterJson()
    {
        var cluster = plan.Cluster;
        var token = cluster.Token == Cluster.PlaceholderToken
            ? Cluster.PlaceholderToken
            : cluster.EffectiveToken is { } effective ? Secrets.Mask(effective) : null;
        return new ExplainClusterJson(
            ModeName(cluster.Mode),
            RuntimeName(cluster.Runtime),
            PluginName(cluster.Plugin),
            cluster.ClusterDomain,
            Strings(plan.ManagementNetworks),
            plan.PodNetworks.Select(p => new ExplainPodNetworkJson(p.Cidr.ToString(), p.NodeSize)).ToArray(),
            Strings(plan.ServiceNetworks),
            Strings(plan.ClusterDns),
            plan.ApiEndpoint.ToString(),
            cluster.KubernetesVersion,
            token,
            cluster.Insecure,
            cluster.Nodes.Length,
            Strings(plan.HostsEntries),
            plan.Gateway is { } gateway ? ServicesJson(gateway) : null);
    }

    private static ExplainServicesJson ServicesJson(GatewayServices gateway)
    {
        var native = gateway.Runtime == ServiceRuntime.Native;
        return new ExplainServicesJson(
            gateway.NodeName,
            RuntimeName(gateway.Runtime),
            gateway.Dns64Address.ToString(),
            gateway.Dns64Prefix.ToString(),
            gateway.RemoteServer.ToString(),
            gateway.RemoteServerSynthesized?.ToString(),
            gateway.Nat64Address.ToString(),
            gateway.Nat64V4Address.ToString(),
            gateway.Nat64Pool.ToString(),
            gateway.SupportNetwork.ToString(),
            gateway.SupportV4Network.ToString(),
            gateway.SupportGateway.ToString(),
            gateway.SupportV4Gateway.ToString(),
            native ? GatewayServices.Nat64Tunnel : null,
            native ? GatewayServices.SupportBridge : null);
    }

    private ExplainNodeJson NodeJson(NodeAddresses node)
    {
        var routes = ListsPodRoutes ? plan.Routes(node) : node.PrepareRoutes;
        return new ExplainNodeJson(
            node.Name,
            node.Node.Id,
            node.Node.Interface,
            RoleNames(node.Node.Roles),
            node.Services is not null,
            Strings(node.ManagementAddresses),
            node.PodSubnets.Select(p => new ExplainPodSubnetJson(p.Subnet.ToString(), p.Gateway.ToString())).ToArray(),
            node.Nameserver?.ToString(),
            routes.Select(RouteJson).ToArray(),
            node.PodRouteCount,
            ListsPodRoutes || node.PodRouteCount == 0);
    }

    private static ExplainRouteJson RouteJson(Route route) => new(
        route.Destination.ToString(),
        route.Via?.ToString(),
        route.Device,
        PurposeName(route.Purpose),
        route.AddedBy == RouteStage.Prepare ? "prepare" : "up",
        route.Peer);

    // ---- names shared by both renderings ----

    private static string[] Strings<T>(IEnumerable<T> values) => values.Select(v => v!.ToString()!).ToArray();

    private static string Join<T>(IEnumerable<T> values) => string.Join(", ", values);

    private static string Count(int n, string noun) =>
        n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";

    private static string[] RoleNames(NodeRoles roles)
    {
        var names = new List<string>(4);
        if (roles.HasFlag(NodeRoles.Master))
        {
            names.Add("master");
        }

        if (roles.HasFlag(NodeRoles.Minion))
        {
            names.Add("minion");
        }

        if (roles.HasFlag(NodeRoles.Dns64))
        {
            names.Add("dns64");
        }

        if (roles.HasFlag(NodeRoles.Nat64))
        {
            names.Add("nat64");
        }

        return [.. names];
    }

    private static string ModeName(ClusterMode mode) => mode switch
    {
        ClusterMode.Ipv6 => "ipv6",
        ClusterMode.DualStack => "dual-stack",
        _ => "ipv4",
    };

    private static string RuntimeName(ServiceRuntime runtime) => runtime == ServiceRuntime.Docker ? "docker" : "native";

    private static string PluginName(CniPlugin plugin) => plugin == CniPlugin.Ptp ? "ptp" : "bridge";

    private static string PurposeName(RoutePurpose purpose) => purpose switch
    {
        RoutePurpose.Dns64Prefix => "dns64-prefix",
        RoutePurpose.Nat64Pool => "nat64-pool",
        RoutePurpose.Nat64Address => "nat64-address",
        RoutePurpose.Nat64V4Address => "nat64-v4-address",
        RoutePurpose.SupportNetwork => "support-network",
        _ => "pod-subnet",
    };
}
