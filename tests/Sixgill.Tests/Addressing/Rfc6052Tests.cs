using Sixgill.Values;

namespace Sixgill.Tests.Addressing;

public sealed class Rfc6052Tests
{
    // RFC 6052 §2.4, every row: 192.0.2.33 embedded in each prefix length.
    public static TheoryData<string, string> Rfc6052Table => new()
    {
        { "2001:db8::/32", "2001:db8:c000:221::" },
        { "2001:db8:100::/40", "2001:db8:1c0:2:21::" },
        { "2001:db8:122::/48", "2001:db8:122:c000:2:2100::" },
        { "2001:db8:122:300::/56", "2001:db8:122:3c0:0:221::" },
        { "2001:db8:122:344::/64", "2001:db8:122:344:c0:2:2100:0" },
        { "2001:db8:122:344::/96", "2001:db8:122:344::192.0.2.33" },
    };

    [Theory]
    [MemberData(nameof(Rfc6052Table))]
    public void Embeds_the_RFC_examples(string prefix, string expected) =>
        Rfc6052.Embed(Prefix.Parse(prefix), Ip.Parse("192.0.2.33")).ShouldBe(Ip.Parse(expected));

    [Theory]
    [MemberData(nameof(Rfc6052Table))]
    public void Extracts_the_RFC_examples(string prefix, string embedded) =>
        Rfc6052.Extract(Prefix.Parse(prefix), Ip.Parse(embedded)).ShouldBe(Ip.Parse("192.0.2.33"));

    [Fact]
    public void Embeds_the_seed_example() =>
        Rfc6052.Embed(Prefix.Parse("fd00:10:64:ff9b::/96"), Ip.Parse("172.217.12.238"))
            .ShouldBe(Ip.Parse("fd00:10:64:ff9b::acd9:cee"));

    [Fact]
    public void Prints_the_seed_example_in_RFC_5952_form() =>
        Rfc6052.Embed(Prefix.Parse("fd00:10:64:ff9b::/96"), Ip.Parse("172.217.12.238")).ToString()
            .ShouldBe("fd00:10:64:ff9b::acd9:cee");

    [Fact]
    public void Embeds_in_the_well_known_prefix() =>
        Rfc6052.Embed(Rfc6052.WellKnownPrefix, Ip.Parse("192.0.2.33")).ShouldBe(Ip.Parse("64:ff9b::c000:221"));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Round_trips_and_keeps_the_u_octet_zero_for_random_addresses(int seed)
    {
        var random = new Random(seed);
        foreach (var length in Rfc6052.AllowedLengths)
        {
            for (var i = 0; i < 500; i++)
            {
                var prefix = RandomPrefix(random, length);
                var v4 = new Ip((uint)random.NextInt64(0, 1L << 32), IpFamily.V4);
                var embedded = Rfc6052.Embed(prefix, v4);

                prefix.Contains(embedded).ShouldBeTrue();
                ((embedded.Value >> 56) & 0xff).ShouldBe(UInt128.Zero, $"u octet of {embedded}");
                if (length < 96)
                {
                    // Bits past the IPv4 address (the suffix) stay zero.
                    var suffixBits = length == 64 ? 24 : 56 - (length - 32);
                    (embedded.Value & ((UInt128.One << suffixBits) - 1)).ShouldBe(UInt128.Zero, $"suffix of {embedded}");
                }

                Rfc6052.Extract(prefix, embedded).ShouldBe(v4);
            }
        }
    }

    [Theory]
    [InlineData("2001:db8::/33")]
    [InlineData("2001:db8::/128")]
    [InlineData("10.0.0.0/8")]
    [InlineData("2001:db8:0:0:ff00::/96")]
    public void Refuses_prefixes_RFC_6052_does_not_allow(string prefix) =>
        Should.Throw<ArgumentException>(() => Rfc6052.Embed(Prefix.Parse(prefix), Ip.Parse("192.0.2.33")));

    [Fact]
    public void Refuses_to_embed_an_IPv6_address() =>
        Should.Throw<ArgumentException>(() => Rfc6052.Embed(Prefix.Parse("64:ff9b::/96"), Ip.Parse("2001:db8::1")));

    [Fact]
    public void Refuses_to_extract_from_outside_the_prefix() =>
        Should.Throw<ArgumentException>(() => Rfc6052.Extract(Prefix.Parse("64:ff9b::/96"), Ip.Parse("2001:db8::1")));

    private static Prefix RandomPrefix(Random random, int length)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        // Network bits only, and the reserved u octet clear (a /96 would otherwise carry it).
        value &= ~Prefix.HostMask(IpFamily.V6, length);
        value &= ~((UInt128)0xff << 56);
        return new Prefix(new Ip(value, IpFamily.V6), length);
    }
}
