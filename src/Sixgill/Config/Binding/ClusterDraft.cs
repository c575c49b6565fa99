using System.Collections.Immutable;
using Sixgill.Values;

namespace Sixgill.Config.Binding;

// The cluster as far as the file could be read: every value that bound carries where it was written;
// a value that is absent or failed to bind is null (its diagnostic is already out). Rules look only at
// what bound, so one mistake is reported once and not again through everything that depends on it.

/// <summary>
/// <c>general</c> (and Orca's top-level <c>plugin</c>/<c>token</c>), defaults applied. Null means the
/// value was written wrong, except for the optional strings, where null also means not given.
/// </summary>
internal sealed record GeneralDraft(
    ClusterMode? Mode,
    CniPlugin? Plugin,
    ServiceRuntime? Runtime,
    Located<string>? Token,
    bool TokenGiven,
    string? TokenCertHash,
    string? KubernetesVersion,
    Located<bool>? Insecure,
    string? ClusterDomain)
{
    public bool IsInsecure => Insecure?.Value == true;
}

internal sealed record NodeDraft(
    string Name,
    SourcePosition Position,
    Located<string>? Interface,
    Located<NodeRoles>? Roles,
    Located<int>? Id,
    SshTarget? Ssh);

/// <summary>A network and, in dual-stack, its other family; the primary is the IPv6 one.</summary>
internal sealed record DualNetwork(Located<Prefix>? Primary, Located<Prefix>? Secondary)
{
    // An iterator rather than Where(…).Select(…), a generic virtual call that a NativeAOT build resolves at run time.
    public IEnumerable<Located<Prefix>> Bound
    {
        get
        {
            if (Primary is { } primary)
            {
                yield return primary;
            }

            if (Secondary is { } secondary)
            {
                yield return secondary;
            }
        }
    }
}

/// <summary>
/// One family of the pod network: the whole network and each node's subnet length. Orca's form
/// (<c>prefix</c> + <c>size</c>) ends up here too, as the network <c>prefix/(size − 16)</c>.
/// </summary>
internal sealed record PodFamily(Located<Prefix> Cidr, Located<int> NodeSize, bool NodeSizeGiven, bool IsOrcaForm);

internal sealed record PodDraft(PodFamily? Primary, PodFamily? Secondary, int? Mtu)
{
    // An iterator for the same reason as DualNetwork.Bound.
    public IEnumerable<PodFamily> Bound
    {
        get
        {
            if (Primary is { } primary)
            {
                yield return primary;
            }

            if (Secondary is { } secondary)
            {
                yield return secondary;
            }
        }
    }
}

internal sealed record SupportDraft(Located<Prefix>? Cidr, Located<Prefix>? V4Cidr);

internal sealed record Nat64Draft(Located<Prefix>? Pool, Located<Ip>? V4Address, Located<Ip>? Address, string? Image);

internal sealed record Dns64Draft(
    Located<Ip>? RemoteServer,
    Located<Prefix>? Prefix,
    Located<Ip>? Address,
    bool? AllowAaaaUse,
    DnssecValidation? DnssecValidation,
    string? Image);

/// <summary>The DNS64/NAT64 sections; all null outside ipv6 mode.</summary>
internal sealed record GatewayDraft(SupportDraft? Support, Nat64Draft? Nat64, Dns64Draft? Dns64);

internal sealed record ClusterDraft(
    GeneralDraft General,
    SourcePosition TopologyPosition,
    ImmutableArray<NodeDraft> Nodes,
    DualNetwork Mgmt,
    PodDraft Pod,
    DualNetwork Service,
    GatewayDraft Gateway)
{
    public ClusterMode? Mode => General.Mode;
}
