namespace Sixgill.Values;

/// <summary>
/// IPv4-embedded IPv6 addresses (RFC 6052 §2.2): how DNS64 synthesizes an AAAA record and how
/// NAT64 reads the IPv4 destination back out of it. Pure arithmetic on <see cref="UInt128"/>.
/// </summary>
/// <remarks>
/// Bits 64–71 (the "u" octet) stay zero for every prefix length, so for /40, /48 and /56 the
/// IPv4 address is split around them, and for /64 it starts just after them.
/// Bit numbers count from the most significant bit (bit 0), as the RFC does.
/// </remarks>
internal static class Rfc6052
{
    /// <summary>The prefix lengths RFC 6052 allows.</summary>
    public static ReadOnlySpan<int> AllowedLengths => [32, 40, 48, 56, 64, 96];

    /// <summary>The RFC's Well-Known Prefix <c>64:ff9b::/96</c>.</summary>
    public static Prefix WellKnownPrefix { get; } = new(new Ip((UInt128)0x0064_ff9b << 96, IpFamily.V6), 96);

    // Bits 64–71 in place: what must be zero in every synthesized address.
    private static readonly UInt128 UOctetMask = (UInt128)0xff << 56;

    public static bool IsAllowedLength(int length) => AllowedLengths.Contains(length);

    /// <summary>The IPv6 address that stands for <paramref name="ipv4"/> behind <paramref name="prefix"/>.</summary>
    public static Ip Embed(Prefix prefix, Ip ipv4)
    {
        CheckPrefix(prefix);
        if (ipv4.Family != IpFamily.V4)
        {
            throw new ArgumentException($"{ipv4} is not an IPv4 address", nameof(ipv4));
        }

        var v4 = ipv4.Value;
        var embedded = prefix.Length switch
        {
            96 => v4,
            // The u octet sits at bits 64–71, so the address fills bits 72–103: shift = 128 − 104.
            64 => v4 << 24,
            _ => Split(v4, prefix.Length),
        };

        return new Ip(prefix.Network.Value | embedded, IpFamily.V6);
    }

    /// <summary>The IPv4 address embedded in <paramref name="ipv6"/>, which must lie inside <paramref name="prefix"/>.</summary>
    public static Ip Extract(Prefix prefix, Ip ipv6)
    {
        CheckPrefix(prefix);
        if (!prefix.Contains(ipv6))
        {
            throw new ArgumentException($"{ipv6} is not inside {prefix}", nameof(ipv6));
        }

        var value = ipv6.Value;
        UInt128 v4 = prefix.Length switch
        {
            96 => value & uint.MaxValue,
            64 => (value >> 24) & uint.MaxValue,
            _ => Join(value, prefix.Length),
        };

        return new Ip(v4, IpFamily.V4);
    }

    /// <summary>
    /// For /32–/56: the top <c>64 − length</c> bits of the IPv4 address end at bit 63; the remaining
    /// <c>length − 32</c> bits start at bit 72.
    /// </summary>
    private static UInt128 Split(UInt128 v4, int length)
    {
        var lowBits = length - 32;
        var high = v4 >> lowBits;
        var low = v4 & ((UInt128.One << lowBits) - 1);
        return (high << 64) | (low << (56 - lowBits));
    }

    private static UInt128 Join(UInt128 value, int length)
    {
        var lowBits = length - 32;
        var highBits = 32 - lowBits;
        var high = (value >> 64) & ((UInt128.One << highBits) - 1);
        var low = (value >> (56 - lowBits)) & ((UInt128.One << lowBits) - 1);
        return (high << lowBits) | low;
    }

    private static void CheckPrefix(Prefix prefix)
    {
        if (prefix.Family != IpFamily.V6 || !IsAllowedLength(prefix.Length))
        {
            throw new ArgumentException($"{prefix} is not an RFC 6052 prefix (IPv6, length 32, 40, 48, 56, 64 or 96)", nameof(prefix));
        }

        // A /96 could carry a non-zero u octet; the synthesized address would then break §2.2.
        if ((prefix.Network.Value & UOctetMask) != 0)
        {
            throw new ArgumentException($"{prefix} sets bits 64–71, which RFC 6052 reserves", nameof(prefix));
        }
    }
}
