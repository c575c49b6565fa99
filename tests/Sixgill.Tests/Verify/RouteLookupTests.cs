using Sixgill.Verify;

namespace Sixgill.Tests.Verify;

public sealed class RouteLookupTests
{
    [Fact]
    public void Reads_gateway_device_and_source()
    {
        var route = RouteLookup.Parse("""[{"dst":"fd00:10:64:ff9b::cb00:7150","gateway":"fd00:20::2","dev":"eth1","prefsrc":"fd00:20::3","flags":[],"pref":"medium"}]""");

        route.ShouldBe(new RouteLookup("fd00:20::2", "eth1", "fd00:20::3"));
        route!.ToString().ShouldBe("via fd00:20::2 dev eth1 src fd00:20::3");
    }

    [Fact]
    public void A_device_route_has_no_gateway()
    {
        RouteLookup.Parse("""[{"dst":"fd00:10:64:ff9b::1","dev":"nat64"}]""")!.ToString().ShouldBe("dev nat64");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("not json")]
    public void No_route_in_the_output_is_null(string output)
    {
        RouteLookup.Parse(output).ShouldBeNull();
    }
}
