using System.Collections.Immutable;
using Sixgill.Values;

namespace Sixgill.Config;

internal enum ClusterMode
{
    Ipv6,
    DualStack,
    Ipv4,
}

internal enum CniPlugin
{
    Bridge,
    Ptp,
}

internal enum ServiceRuntime
{
    Native,
    Docker,
}

internal enum DnssecValidation
{
    Auto,
    No,
}

[Flags]
internal enum NodeRoles
{
    None = 0,
    Master = 1,
    Minion = 2,
    Dns64 = 4,
    Nat64 = 8,
}

/// <summary>Where <c>--all</c> reaches a node: <c>user@host[:port]</c>.</summary>
internal sealed record SshTarget(string User, string Host, int Port)
{
    public override string ToString() =>
        Port == 22 ? $"{User}@{Host}" : Host.Contains(':', StringComparison.Ordinal) ? $"{User}@[{Host}]:{Port}" : $"{User}@{Host}:{Port}";
}

/// <summary>One <c>topology</c> entry, validated.</summary>
internal sealed record NodeSpec(string Name, string Interface, NodeRoles Roles, int Id, SshTarget Ssh)
{
    public bool IsMaster => Roles.HasFlag(NodeRoles.Master);

    public bool IsMinion => Roles.HasFlag(NodeRoles.Minion);

    /// <summary>A Kubernetes node: master or minion.</summary>
    public bool IsClusterNode => IsMaster || IsMinion;

    /// <summary>Runs DNS64 and NAT64 (ipv6 mode): the node others route through.</summary>
    public bool IsGateway => Roles.HasFlag(NodeRoles.Nat64);
}

/// <summary>
/// A network of one family with its optional second family (dual-stack). In dual-stack the
/// primary is always the IPv6 one, whatever order the file used.
/// </summary>
internal sealed record PodNetwork(Prefix Cidr, int NodeSize, Prefix? Cidr2, int? NodeSize2, int? Mtu);

internal sealed record SupportNetwork(Prefix Cidr, Prefix V4Cidr);

internal sealed record Nat64Settings(Prefix Pool, Ip V4Address, Ip Address, string? Image);

internal sealed record Dns64Settings(
    Ip RemoteServer,
    Prefix Prefix,
    Ip Address,
    bool AllowAaaaUse,
    DnssecValidation DnssecValidation,
    string? Image);

/// <summary>
/// The whole cluster file, validated and typed: Orca form and CIDR form both end up here.
/// Only <see cref="ConfigLoader"/> makes one, and only from a file without errors.
/// </summary>
internal sealed record Cluster(
    ClusterMode Mode,
    CniPlugin Plugin,
    ServiceRuntime Runtime,
    string? Token,
    string? TokenCertHash,
    string? KubernetesVersion,
    bool Insecure,
    string ClusterDomain,
    ImmutableArray<NodeSpec> Nodes,
    Prefix MgmtNet,
    Prefix? MgmtNet2,
    PodNetwork PodNet,
    Prefix ServiceNet,
    Prefix? ServiceNet2,
    SupportNetwork? SupportNet,
    Nat64Settings? Nat64,
    Dns64Settings? Dns64)
{
    /// <summary>The kubeadm token used when <c>insecure</c> is set and none is given (docs/steps.md).</summary>
    public const string LabToken = "abcdef.0123456789abcdef";

    /// <summary>Orca's placeholder: accepted by validate (warned), refused by up.</summary>
    public const string PlaceholderToken = "<provide>";

    public NodeSpec Master => Nodes.Single(n => n.IsMaster);

    /// <summary>The node that has nat64 (ipv6 mode only).</summary>
    public NodeSpec? GatewayNode => Nodes.FirstOrDefault(n => n.IsGateway);

    public NodeSpec? FindNode(string name) => Nodes.FirstOrDefault(n => n.Name == name);

    /// <summary>The token kubeadm gets: the configured one, or the lab token when insecure and none is given.</summary>
    public string? EffectiveToken =>
        Token is not null && Token != PlaceholderToken ? Token : Insecure ? LabToken : null;
}
