using Sixgill.Values;

namespace Sixgill.Config.Binding;

/// <summary>
/// The address family a key must have, and why: some keys are one family by nature
/// (<c>support_net.v4cidr</c>), others follow the cluster's mode (<c>mgmt_net.cidr</c> in ipv6 mode).
/// </summary>
internal readonly record struct FamilyNeed(IpFamily Family, string Because, string Fix)
{
    public static FamilyNeed Always(IpFamily family) =>
        new(family, "", $"give an {Name(family)} value here");

    /// <summary>What the single-family networks (mgmt, pod, service) need in a mode; null where either will do.</summary>
    public static FamilyNeed? ForMode(ClusterMode? mode) => mode switch
    {
        ClusterMode.Ipv6 => new FamilyNeed(IpFamily.V6, " in ipv6 mode",
            "give an IPv6 network, or set general.mode to dual-stack or ipv4"),
        ClusterMode.Ipv4 => new FamilyNeed(IpFamily.V4, " in ipv4 mode",
            "give an IPv4 network, or set general.mode to dual-stack or ipv6"),
        _ => null,
    };

    public static string Name(IpFamily family) => family == IpFamily.V6 ? "IPv6" : "IPv4";

    public static IpFamily Other(IpFamily family) => family == IpFamily.V6 ? IpFamily.V4 : IpFamily.V6;
}
