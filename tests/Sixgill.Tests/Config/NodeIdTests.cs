using Sixgill.Config;
using static Sixgill.Config.DiagnosticCodes;

namespace Sixgill.Tests.Config;

public sealed class NodeIdTests
{
    private static readonly TestConfig Base = TestConfig.Ipv6;

    [Fact]
    public void Id_zero_is_reported_at_the_value() =>
        Base.Replace("id: 3", "id: 0").Load().ShouldFailOnlyWith(IdTooSmall, new SourcePosition(13, 9))
            .Message.ShouldBe("id of node w1 is 0; ids start at 1");

    [Fact]
    public void Negative_id_is_reported_at_the_value() =>
        Base.Replace("id: 3", "id: -3").Load().ShouldFailOnlyWith(IdTooSmall, new SourcePosition(13, 9));

    [Fact]
    public void Id_one_is_only_warned()
    {
        var result = Base.Replace("id: 3", "id: 1").Load();

        result.ShouldPassWith(IdOne);
        result.Diagnostics[0].Position.ShouldBe(new SourcePosition(13, 9));
        result.Diagnostics[0].Message.ShouldContain("fd00:20::1");
    }

    [Fact]
    public void Duplicate_id_is_reported_at_the_second_naming_the_first() =>
        Base.Replace("id: 3", "id: 2").Load().ShouldFailOnlyWith(DuplicateId, new SourcePosition(13, 9))
            .Message.ShouldBe("id 2 of node w1 is already node gw's");

    [Fact]
    public void Id_too_large_for_the_management_network_names_the_largest_that_fits()
    {
        var config = Base.Replace("cidr: \"fd00:20::/64\"", "cidr: \"fd00:20::/120\"").Replace("id: 3", "id: 300");

        config.Load().ShouldFailOnlyWith(IdTooLarge, new SourcePosition(13, 9))
            .Message.ShouldBe("id 300 of node w1 does not fit mgmt_net.cidr fd00:20::/120: the largest id that fits is 255");
    }

    [Fact]
    public void Largest_id_that_fits_the_management_network_is_accepted() =>
        Base.Replace("cidr: \"fd00:20::/64\"", "cidr: \"fd00:20::/120\"").Replace("id: 3", "id: 255").Load().ShouldPass();

    [Fact]
    public void Ipv4_management_network_keeps_its_broadcast_address_free()
    {
        var config = TestConfig.DualStack.Replace("cidr2: \"10.192.0.0/16\"", "cidr2: \"10.192.0.0/24\"");

        config.Replace("id: 3", "id: 255").Load().ShouldFailOnlyWith(IdTooLarge, config.At("id: 3", "3"))
            .Message.ShouldEndWith("the largest id that fits is 254");
        config.Replace("id: 3", "id: 254").Load().ShouldPass();
    }

    [Fact]
    public void Id_too_large_for_the_pod_network_names_the_largest_that_fits() =>
        Base.Replace("id: 3", "id: 70000").Load().ShouldFailOnlyWith(IdTooLarge, new SourcePosition(13, 9))
            .Message.ShouldBe("id 70000 of node w1 does not fit pod_net.cidr fd00:40::/64 with /80 node subnets: the largest id that fits is 65535");

    [Fact]
    public void Largest_id_that_fits_the_pod_network_is_accepted() =>
        Base.Replace("id: 3", "id: 65535").Load().ShouldPass();

    [Fact]
    public void Orca_pod_form_leaves_sixteen_bits_for_the_id()
    {
        TestConfig.Orca.Replace("id: 3", "id: 65536").Load().ShouldFailOnlyWith(IdTooLarge, new SourcePosition(11, 9));
        TestConfig.Orca.Replace("id: 3", "id: 65535").Load().ShouldPass();
    }
}
