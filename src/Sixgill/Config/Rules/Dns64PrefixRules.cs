using Sixgill.Config.Binding;
using Sixgill.Values;

namespace Sixgill.Config.Rules;

/// <summary>
/// The DNS64/NAT64 prefix (RFC 6052 §2.2): one of the six lengths the embedding is defined for, bits 64–71
/// (the "u" octet) zero wherever they fall inside the prefix, and a warning for the well-known prefix.
/// </summary>
internal static class Dns64PrefixRules
{
    public static readonly IReadOnlyList<int> AllowedLengths = [32, 40, 48, 56, 64, 96];

    private static readonly Prefix WellKnown = Prefix.Parse("64:ff9b::/96");

    public static void Check(ClusterDraft draft, List<Diagnostic> diagnostics)
    {
        if (draft.Gateway.Dns64?.Prefix is not { } prefix)
        {
            return;
        }

        if (!AllowedLengths.Contains(prefix.Value.Length))
        {
            diagnostics.Error(DiagnosticCodes.Dns64PrefixLength, prefix.LengthPosition,
                $"{prefix.Key} {prefix.Value} has length /{prefix.Value.Length}; RFC 6052 allows only {string.Join(", ", AllowedLengths.Select(l => $"/{l}"))}",
                "a /96 is the usual choice");
            return;
        }

        // Bits 64–71 are inside the prefix only when it is longer than /64; shorter prefixes leave them as host
        // bits, which the CIDR check already requires to be zero.
        if (prefix.Value.Length > 64 && UOctet(prefix.Value.Network) != 0)
        {
            diagnostics.Error(DiagnosticCodes.Dns64UOctet, prefix.Position,
                $"{prefix.Key} {prefix.Value} sets bits 64–71, the RFC 6052 \"u\" octet, which must be zero",
                $"did you mean {WithoutUOctet(prefix.Value)}?");
        }

        if (prefix.Value == WellKnown)
        {
            diagnostics.Warning(DiagnosticCodes.WellKnownPrefix, prefix.Position,
                $"{prefix.Key} is the well-known prefix {WellKnown}: NAT64 drops traffic to private IPv4 destinations (10/8, 172.16/12, 192.168/16, …) through it, as RFC 6052 §3.1 requires",
                "use a prefix from your own IPv6 space, like fd00:10:64:ff9b::/96, to reach private IPv4 servers");
        }
    }

    private static int UOctet(Ip address) => (int)((address.Value >> 56) & 0xff);

    private static Prefix WithoutUOctet(Prefix prefix) =>
        new(prefix.Network with { Value = prefix.Network.Value & ~((UInt128)0xff << 56) }, prefix.Length);
}
