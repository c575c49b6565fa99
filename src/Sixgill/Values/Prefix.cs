namespace Sixgill.Values;

/// <summary>A network: an address with no host bits set and a prefix length.</summary>
internal readonly record struct Prefix : IComparable<Prefix>
{
    public Prefix(Ip network, int length)
    {
        if (length < 0 || length > network.Width)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"/{length} does not fit an {network.Family} address");
        }

        if ((network.Value & HostMask(network.Family, length)) != 0)
        {
            throw new ArgumentException($"{network}/{length} has host bits set", nameof(network));
        }

        Network = network;
        Length = length;
    }

    public Ip Network { get; }

    public int Length { get; }

    public IpFamily Family => Network.Family;

    public int Width => Network.Width;

    /// <summary>The number of host bits: width minus length.</summary>
    public int HostBits => Width - Length;

    public Ip Last => new(Network.Value | HostMask(Family, Length), Family);

    /// <summary>The outcome of reading a CIDR: ok, not a CIDR at all, or host bits set (with the network meant).</summary>
    public enum ParseOutcome
    {
        Ok,
        Invalid,
        HostBitsSet,
    }

    /// <summary>
    /// Reads "address/length" strictly. Unlike <c>IPNetwork.TryParse</c>, host bits are not dropped
    /// silently: <paramref name="prefix"/> then holds the network the user probably meant.
    /// </summary>
    public static ParseOutcome TryParse(string? text, out Prefix prefix)
    {
        prefix = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseOutcome.Invalid;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1)
        {
            return ParseOutcome.Invalid;
        }

        var lengthText = text[(slash + 1)..];
        if (!lengthText.All(char.IsAsciiDigit) || lengthText.Length > 3 || !Ip.TryParse(text[..slash], out var ip))
        {
            return ParseOutcome.Invalid;
        }

        var length = int.Parse(lengthText, System.Globalization.CultureInfo.InvariantCulture);
        if (length > ip.Width)
        {
            return ParseOutcome.Invalid;
        }

        prefix = Containing(ip, length);
        return prefix.Network == ip ? ParseOutcome.Ok : ParseOutcome.HostBitsSet;
    }

    public static Prefix Parse(string text) =>
        TryParse(text, out var prefix) == ParseOutcome.Ok ? prefix : throw new FormatException($"'{text}' is not a network");

    /// <summary>The network of the given length that holds <paramref name="ip"/>.</summary>
    public static Prefix Containing(Ip ip, int length) =>
        new(ip with { Value = ip.Value & ~HostMask(ip.Family, length) & Ip.MaxValue(ip.Family) }, length);

    public bool Contains(Ip ip) => ip.Family == Family && (ip.Value & ~HostMask(Family, Length)) == Network.Value;

    public bool Contains(Prefix other) => other.Family == Family && other.Length >= Length && Contains(other.Network);

    public bool Overlaps(Prefix other) => Contains(other) || other.Contains(this);

    /// <summary>The address <c>network + n</c>; throws when it falls outside this network.</summary>
    public Ip Address(UInt128 n)
    {
        if (HostBits < 128 && n > HostMask(Family, Length))
        {
            throw new OverflowException($"{this} has no address number {n}");
        }

        return Network.Add(n);
    }

    /// <summary>The <paramref name="n"/>-th subnet of length <paramref name="length"/> inside this network.</summary>
    public Prefix Subnet(UInt128 n, int length)
    {
        if (length < Length || length > Width)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"/{length} is not a subnet length of {this}");
        }

        var bits = length - Length;
        if (bits < 128 && n >> bits != 0)
        {
            throw new OverflowException($"{this} has no /{length} subnet number {n}");
        }

        return new Prefix(Network.Add(length == Width ? n : n << (Width - length)), length);
    }

    /// <summary>The largest n such that <see cref="Subnet"/>(n, length) exists.</summary>
    public UInt128 LastSubnetNumber(int length) => length - Length >= 128 ? UInt128.MaxValue : (UInt128.One << (length - Length)) - 1;

    public static UInt128 HostMask(IpFamily family, int length)
    {
        var width = family == IpFamily.V4 ? 32 : 128;
        var hostBits = width - length;
        return hostBits == 0 ? UInt128.Zero : hostBits >= 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
    }

    public int CompareTo(Prefix other)
    {
        var byNetwork = Network.CompareTo(other.Network);
        return byNetwork != 0 ? byNetwork : Length.CompareTo(other.Length);
    }

    public override string ToString() => $"{Network}/{Length}";
}
