using Sixgill.Config.Binding;

namespace Sixgill.Config.Rules;

/// <summary>
/// The NAT64 dynamic pool lies inside <c>support_net.v4cidr</c> (its masquerade and routes assume so) and is
/// /31 or shorter: TAYGA 0.9.2 refuses longer ones ("Cannot use a prefix longer than /31 in dynamic-pool").
/// <c>nat64.v4_ip</c> inside the pool is fine: TAYGA takes it out of the pool (checked with TAYGA itself).
/// </summary>
internal static class Nat64PoolRules
{
    private const int LongestPool = 31;

    public static void Check(ClusterDraft draft, List<Diagnostic> diagnostics)
    {
        if (draft.Gateway.Nat64?.Pool is not { } pool)
        {
            return;
        }

        if (pool.Value.Length > LongestPool)
        {
            diagnostics.Error(DiagnosticCodes.Nat64PoolTooSmall, pool.LengthPosition,
                $"{pool.Key} {pool.Value} is longer than /{LongestPool}; TAYGA refuses such a dynamic pool",
                "give the pool at least two addresses, like a /25");
        }

        if (draft.Gateway.Support?.V4Cidr is { } support && !support.Value.Contains(pool.Value))
        {
            diagnostics.Error(DiagnosticCodes.PoolOutsideSupport, pool.Position,
                $"{pool.Key} {pool.Value} is not inside {support.Key} {support.Value}",
                $"pick a pool inside {support.Value}, like its upper half");
        }
    }
}
