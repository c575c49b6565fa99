using System.Net;

namespace Sixgill.Values;

/// <summary>The two address families Sixgill plans for.</summary>
internal enum IpFamily
{
    V4,
    V6,
}

/// <summary>
/// An IPv4 or IPv6 address as a number, so that every address in the plan is computed
/// (<c>network + n</c>) rather than glued together from strings.
/// </summary>
internal readonly record struct Ip(UInt128 Value, IpFamily Family) : IComparable<Ip>
{
    public int Width => Family == IpFamily.V4 ? 32 : 128;

    public bool IsV6 => Family == IpFamily.V6;

    public static bool TryParse(string? text, out Ip ip)
    {
        ip = default;
        if (string.IsNullOrWhiteSpace(text) || text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        // IPAddress.TryParse accepts "1" or "1.2" as IPv4 shorthands: a lab engineer means neither.
        if (!text.Contains(':', StringComparison.Ordinal) && text.Split('.').Length != 4)
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        ip = FromIPAddress(address);
        return true;
    }

    public static Ip Parse(string text) =>
        TryParse(text, out var ip) ? ip : throw new FormatException($"'{text}' is not an IP address");

    public static Ip FromIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        _ = address.TryWriteBytes(bytes, out var written);
        return FromBytes(bytes[..written]);
    }

    /// <summary>The address of these 4 (IPv4) or 16 (IPv6) bytes, in network order as on the wire.</summary>
    public static Ip FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length is not (4 or 16))
        {
            throw new ArgumentException($"an address is 4 or 16 bytes, not {bytes.Length}", nameof(bytes));
        }

        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return new Ip(value, bytes.Length == 16 ? IpFamily.V6 : IpFamily.V4);
    }

    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[Width / 8];
        var value = Value;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xff);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }

    /// <summary>The address <paramref name="offset"/> places further on; throws past the end of the family.</summary>
    public Ip Add(UInt128 offset)
    {
        var max = MaxValue(Family);
        if (offset > max - Value)
        {
            throw new OverflowException($"{this} + {offset} leaves the address space");
        }

        return this with { Value = Value + offset };
    }

    public static UInt128 MaxValue(IpFamily family) => family == IpFamily.V4 ? uint.MaxValue : UInt128.MaxValue;

    public int CompareTo(Ip other) => Family != other.Family ? Family.CompareTo(other.Family) : Value.CompareTo(other.Value);

    public override string ToString() => ToIPAddress().ToString();
}
