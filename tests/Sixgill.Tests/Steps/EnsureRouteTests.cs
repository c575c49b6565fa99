using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Values;

namespace Sixgill.Tests.Steps;

public sealed class EnsureRouteTests
{
    private static readonly EnsureRoute ToDns64 = new(new KernelRoute(Prefix.Parse("fd00:10:64:ff9b::/96"), Ip.Parse("fd00:20::3"), "eth0"));

    [Fact]
    public void A_route_it_replaced_comes_back_on_undo()
    {
        var node = new StepTestNode();
        node.Network.WithRoute(new KernelRoute(Prefix.Parse("fd00:10:64:ff9b::/96"), Ip.Parse("fd00:20::99"), "eth0"));
        var before = node.Snapshot();
        ToDns64.Probe(node.Context).State.ShouldBe(ProbeState.Different);

        var undo = node.Apply(ToDns64);
        ToDns64.Probe(node.Context).ShouldBe(ProbeResult.Present);
        undo.Revert(node.Context).Detail.ShouldBe("deleted fd00:10:64:ff9b::/96 via fd00:20::3 dev eth0, restored fd00:10:64:ff9b::/96 via fd00:20::99 dev eth0");

        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_route_without_device_is_satisfied_by_the_kernels_route_with_one()
    {
        var node = new StepTestNode();
        node.Network.WithRoute(new KernelRoute(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:20::3"), "eth0"));

        new EnsureRoute(new KernelRoute(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:20::3"), null)).Probe(node.Context).ShouldBe(ProbeResult.Present);
    }

    [Fact]
    public void Undo_after_the_route_is_gone_does_nothing()
    {
        var node = new StepTestNode();
        var undo = node.Apply(ToDns64);
        node.Network.DeleteRoute(ToDns64.Route);

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.NothingToDo);
    }
}
