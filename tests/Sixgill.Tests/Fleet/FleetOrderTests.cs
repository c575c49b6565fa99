using Sixgill.Config;
using Sixgill.Fleet;
using Sixgill.Tests.Addressing;

namespace Sixgill.Tests.Fleet;

public sealed class FleetOrderTests
{
    [Fact]
    public void Prepare_reaches_the_gateway_first_then_every_other_node_at_once()
    {
        FleetOrder.Prepare(TestClusters.Lab()).ShouldBe([["gw"], ["w1", "w2"]]);
    }

    [Fact]
    public void Clean_is_prepare_backwards_so_the_gateway_goes_last()
    {
        FleetOrder.Clean(TestClusters.Lab()).ShouldBe([["w1", "w2"], ["gw"]]);
    }

    [Fact]
    public void Up_starts_the_master_then_the_minions_and_down_reverses_it()
    {
        var cluster = TestClusters.Lab().WithNodes(
        [
            TestClusters.Node("gw", "eth1", NodeRoles.Dns64 | NodeRoles.Nat64, 2),
            TestClusters.Node("m", "eth1", NodeRoles.Master, 3),
            TestClusters.Node("w1", "eth1", NodeRoles.Minion, 4),
        ]);

        FleetOrder.Up(cluster).ShouldBe([["m"], ["w1"]]);
        FleetOrder.Down(cluster).ShouldBe([["w1"], ["m"]]);
        FleetOrder.Prepare(cluster).ShouldBe([["gw"], ["m", "w1"]]);
    }

    [Fact]
    public void Without_a_gateway_every_node_is_prepared_at_once()
    {
        FleetOrder.Prepare(TestClusters.DualStack()).Count.ShouldBe(1);
        FleetOrder.Prepare(TestClusters.DualStack())[0].Count.ShouldBe(TestClusters.DualStack().Nodes.Length);
    }
}
