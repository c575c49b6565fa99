using Sixgill.Config.Binding;

namespace Sixgill.Config.Rules;

/// <summary>
/// Every rule that looks at more than one setting, run in this order on the draft. Each rule skips what
/// did not bind, so all of them run on every file and report everything in one go.
/// </summary>
internal static class ClusterRules
{
    public static readonly IReadOnlyList<Action<ClusterDraft, List<Diagnostic>>> All =
    [
        RoleRules.Check,
        NodeIdRules.Check,
        NetworkOverlapRule.Check,
        PodSubnetRules.Check,
        ServiceNetworkRule.Check,
        Nat64PoolRules.Check,
        SupportAddressRules.Check,
        Dns64PrefixRules.Check,
        TokenWarnings.Check,
    ];
}
