using System.Text.Json.Serialization;

namespace Sixgill.Cli.Explain;

// The shape of `explain --output json`. Addresses are strings in their usual text form (RFC 5952
// for IPv6) so that any consumer can read them; field order is declaration order, so output is stable.

/// <summary>The whole document: <c>{ "cluster": …, "nodes": [ … ] }</c>.</summary>
internal sealed record ExplainDocumentJson(ExplainClusterJson Cluster, IReadOnlyList<ExplainNodeJson> Nodes);

/// <summary>What is the same on every node.</summary>
/// <param name="Token">Masked (<c>abcdef.****************</c>); Orca's <c>&lt;provide&gt;</c> placeholder as is.</param>
/// <param name="HostsLines">The <c>/etc/hosts</c> lines prepare ensures on every node.</param>
internal sealed record ExplainClusterJson(
    string Mode,
    string Runtime,
    string Plugin,
    string ClusterDomain,
    IReadOnlyList<string> ManagementNetworks,
    IReadOnlyList<ExplainPodNetworkJson> PodNetworks,
    IReadOnlyList<string> ServiceNetworks,
    IReadOnlyList<string> ClusterDns,
    string ApiEndpoint,
    string? KubernetesVersion,
    string? Token,
    bool Insecure,
    int NodeCount,
    IReadOnlyList<string> HostsLines,
    ExplainServicesJson? Services);

internal sealed record ExplainPodNetworkJson(string Cidr, int NodeSize);

/// <summary>The gateway node's DNS64 and NAT64 services (ipv6 mode).</summary>
internal sealed record ExplainServicesJson(
    string Node,
    string Runtime,
    string Dns64Address,
    string Dns64Prefix,
    string RemoteServer,
    string? RemoteServerSynthesized,
    string Nat64Address,
    string Nat64V4Address,
    string Nat64Pool,
    string SupportNetwork,
    string SupportV4Network,
    string SupportGateway,
    string SupportV4Gateway,
    string? Nat64Tunnel,
    string? SupportBridge);

/// <summary>One node.</summary>
/// <param name="Routes">Prepare's routes, then up's; up's pod routes only when <paramref name="PodRoutesListed"/>.</param>
/// <param name="PodRouteCount">How many pod routes up adds on this node, listed or not.</param>
internal sealed record ExplainNodeJson(
    string Name,
    int Id,
    string Interface,
    IReadOnlyList<string> Roles,
    bool Gateway,
    IReadOnlyList<string> ManagementAddresses,
    IReadOnlyList<ExplainPodSubnetJson> PodSubnets,
    string? Nameserver,
    IReadOnlyList<ExplainRouteJson> Routes,
    int PodRouteCount,
    bool PodRoutesListed);

internal sealed record ExplainPodSubnetJson(string Subnet, string Gateway);

/// <param name="AddedBy"><c>prepare</c> or <c>up</c>.</param>
/// <param name="Peer">For a pod route: the node whose pod subnet it leads to.</param>
internal sealed record ExplainRouteJson(string Destination, string? Via, string? Dev, string Purpose, string AddedBy, string? Peer);

/// <summary>Source-generated metadata: NativeAOT has no reflection-based serializer.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    NewLine = "\n")]
[JsonSerializable(typeof(ExplainDocumentJson))]
internal sealed partial class ExplainJsonContext : JsonSerializerContext;
