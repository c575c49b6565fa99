using Sixgill.Config;
using static Sixgill.Config.DiagnosticCodes;

namespace Sixgill.Tests.Config;

public sealed class HostTests
{
    private static readonly Cluster Cluster = TestConfig.Ipv6.Load().Cluster!;

    [Fact]
    public void Host_in_the_topology_is_accepted() =>
        ConfigLoader.CheckHost(Cluster, "w1").ShouldBeNull();

    [Fact]
    public void Host_not_in_the_topology_is_an_error_listing_the_known_names()
    {
        var error = ConfigLoader.CheckHost(Cluster, "db7").ShouldNotBeNull();

        error.Code.ShouldBe(UnknownHost);
        error.IsError.ShouldBeTrue();
        error.Message.ShouldBe("host \"db7\" is not a node of this cluster; its nodes are gw, w1");
        error.Hint.ShouldBe("give one of the config's nodes: --host gw | w1");
    }

    [Fact]
    public void A_host_whose_every_letter_differs_is_no_typo_the_nodes_are_listed_instead() =>
        ConfigLoader.CheckHost(Cluster, "vm")!.Hint.ShouldBe("give one of the config's nodes: --host gw | w1");

    [Fact]
    public void Host_close_to_a_known_name_gets_it_suggested() =>
        ConfigLoader.CheckHost(Cluster, "w2")!.Hint.ShouldBe("did you mean --host w1?");
}
