using Sixgill.Config;
using static Sixgill.Config.DiagnosticCodes;

namespace Sixgill.Tests.Config;

/// <summary>The DNS64/NAT64 settings of ipv6 mode.</summary>
public sealed class GatewayTests
{
    private static readonly TestConfig Base = TestConfig.Ipv6;
    private const string Pool = "v4_cidr: \"198.51.100.128/25\"";
    private const string V4Ip = "v4_ip: \"198.51.100.2\"";
    private const string Nat64Ip = "ip: \"fd00:10::200\"";
    private const string Dns64Ip = "ip: \"fd00:10::100\"";
    private const string Dns64Cidr = "cidr: \"fd00:10:64:ff9b::/96\"";

    [Fact]
    public void Nat64_pool_outside_the_support_ipv4_network_is_reported() =>
        Base.Replace(Pool, "v4_cidr: \"192.0.2.128/25\"").Load().ShouldFailOnlyWith(PoolOutsideSupport, new SourcePosition(25, 12))
            .Message.ShouldBe("nat64.v4_cidr 192.0.2.128/25 is not inside support_net.v4cidr 198.51.100.0/24");

    [Fact]
    public void Nat64_pool_longer_than_a_31_is_reported_because_tayga_refuses_it()
    {
        Base.Replace(Pool, "v4_cidr: \"198.51.100.129/32\"").Load().ShouldFailOnlyWith(Nat64PoolTooSmall, new SourcePosition(25, 12));
        Base.Replace(Pool, "v4_cidr: \"198.51.100.128/31\"").Load().ShouldPass();
    }

    [Fact]
    public void Nat64_ipv4_address_outside_the_support_ipv4_network_is_reported() =>
        Base.Replace(V4Ip, "v4_ip: \"192.0.2.2\"").Load().ShouldFailOnlyWith(Nat64V4Outside, new SourcePosition(26, 10));

    [Fact]
    public void Nat64_ipv4_address_inside_the_pool_is_accepted_as_tayga_does() =>
        Base.Replace(V4Ip, "v4_ip: \"198.51.100.200\"").Load().ShouldPass();

    [Fact]
    public void Dns64_address_outside_the_support_network_is_reported() =>
        Base.Replace(Dns64Ip, "ip: \"fd00:99::100\"").Load().ShouldFailOnlyWith(ServiceAddressOutside, new SourcePosition(31, 7))
            .Message.ShouldBe("dns64.ip fd00:99::100 is outside support_net.cidr fd00:10::/64");

    [Fact]
    public void Nat64_address_outside_the_support_network_is_reported() =>
        Base.Replace(Nat64Ip, "ip: \"fd00:99::200\"").Load().ShouldFailOnlyWith(ServiceAddressOutside, new SourcePosition(27, 7));

    [Fact]
    public void Dns64_and_nat64_on_the_same_address_are_reported_at_the_later() =>
        Base.Replace(Dns64Ip, "ip: \"fd00:10::200\"", after: "dns64:").Load().ShouldFailOnlyWith(ServiceAddressesEqual, new SourcePosition(31, 7));

    [Fact]
    public void Dns64_address_on_the_support_gateway_is_reported() =>
        Base.Replace(Dns64Ip, "ip: \"fd00:10::1\"").Load().ShouldFailOnlyWith(ServiceAddressIsGateway, new SourcePosition(31, 7))
            .Message.ShouldBe("dns64.ip fd00:10::1 is support_net.cidr's gateway address (network + 1)");

    [Fact]
    public void Nat64_ipv4_address_on_the_support_ipv4_gateway_is_reported() =>
        Base.Replace(V4Ip, "v4_ip: \"198.51.100.1\"").Load().ShouldFailOnlyWith(ServiceAddressIsGateway, new SourcePosition(26, 10));

    [Fact]
    public void Dns64_prefix_of_length_80_is_reported()
    {
        var error = Base.Replace(Dns64Cidr, "cidr: \"fd00:10:64:ff9b::/80\"").Load().ShouldFailOnlyWith(Dns64PrefixLength, new SourcePosition(30, 9));

        error.Message.ShouldBe("dns64.cidr fd00:10:64:ff9b::/80 has length /80; RFC 6052 allows only /32, /40, /48, /56, /64, /96");
    }

    [Fact]
    public void Orca_dns64_prefix_size_80_is_reported_on_the_prefix_size_line()
    {
        var config = TestConfig.Orca.Replace("prefix_size: 96", "prefix_size: 80");

        config.Load().ShouldFailOnlyWith(Dns64PrefixLength, config.At("prefix_size: 80", "80"));
    }

    [Theory]
    [InlineData("fd00:10:64:ff9b::/64")]
    [InlineData("fd00:11:64::/48")]
    [InlineData("fd00:12:6400::/40")]
    [InlineData("fd00:13:64:ff00::/56")]
    [InlineData("fd01::/32")]
    public void Dns64_prefix_of_an_rfc_6052_length_is_accepted(string prefix) =>
        Base.Replace(Dns64Cidr, $"cidr: \"{prefix}\"").Load().Errors.ShouldBeEmpty();

    [Fact]
    public void Dns64_96_prefix_with_u_octet_bits_set_is_reported()
    {
        var error = Base.Replace(Dns64Cidr, "cidr: \"fd00:10:64:ff9b:ff00::/96\"").Load().ShouldFailOnlyWith(Dns64UOctet, new SourcePosition(30, 9));

        error.Hint.ShouldBe("did you mean fd00:10:64:ff9b::/96?");
    }

    [Fact]
    public void Well_known_prefix_is_warned_about_private_destinations()
    {
        var result = Base.Replace(Dns64Cidr, "cidr: \"64:ff9b::/96\"").Load();

        result.ShouldPassWith(WellKnownPrefix);
        result.Diagnostics[0].Position.ShouldBe(new SourcePosition(30, 9));
        result.Diagnostics[0].Message.ShouldContain("private IPv4 destinations");
    }

    [Fact]
    public void Remote_server_that_is_not_an_ip_is_reported() =>
        Base.Replace("remote_server: \"203.0.113.53\"", "remote_server: \"dns.example.com\"").Load()
            .ShouldFailOnlyWith(RemoteServer, new SourcePosition(29, 18));

    [Fact]
    public void Remote_server_may_be_ipv6() =>
        Base.Replace("remote_server: \"203.0.113.53\"", "remote_server: \"2001:db8::53\"").Load().ShouldPass();

    [Fact]
    public void Dns64_options_bind()
    {
        var config = Base.InsertAfter(Dns64Ip, "allow_aaaa_use: true").InsertAfter("allow_aaaa_use: true", "dnssec-validation: \"no\"")
            .InsertAfter("dnssec-validation: \"no\"", "image: \"registry.example/bind9:1\"");

        var dns64 = config.Load().Cluster.ShouldNotBeNull().Dns64.ShouldNotBeNull();
        dns64.AllowAaaaUse.ShouldBeTrue();
        dns64.DnssecValidation.ShouldBe(DnssecValidation.No);
        dns64.Image.ShouldBe("registry.example/bind9:1");
    }
}
