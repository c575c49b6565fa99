using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

public sealed class EnsureNat64TunnelTests
{
    private static readonly EnsureNat64Tunnel Nat64 = new("nat64", "/etc/sixgill/nat64/tayga.conf");

    [Fact]
    public void Tayga_makes_the_tunnel_Sixgill_sets_it_up_and_undo_deletes_it_by_name()
    {
        var node = new FakeGatewayNode();
        var before = node.Snapshot();
        Nat64.Probe(node.Context).State.ShouldBe(ProbeState.Absent);

        var undo = node.Apply(Nat64);

        node.Programs.Log.ShouldBe(["tayga -c /etc/sixgill/nat64/tayga.conf --mktun"]);
        Nat64.Probe(node.Context).ShouldBe(ProbeResult.Present);
        undo.ShouldBe(new RemoveLink("nat64", Created: true, null, LinkWasDown: false));
        undo.Revert(node.Context).Detail.ShouldBe("deleted nat64");
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_tunnel_left_down_is_only_set_up_and_set_down_again()
    {
        var node = new FakeGatewayNode();
        node.Network.WithLink("nat64", up: false);
        Nat64.Probe(node.Context).Detail.ShouldBe("nat64 is down");

        var undo = node.Apply(Nat64);

        node.Programs.Log.ShouldBeEmpty();
        undo.Revert(node.Context).Detail.ShouldBe("set nat64 down");
        node.Network.FindLink("nat64")!.IsUp.ShouldBeFalse();
    }

    [Fact]
    public void A_failing_mktun_fails_the_step_with_taygas_words()
    {
        var node = new FakeGatewayNode();
        node.Programs.FailWith = line => line.Contains("--mktun", StringComparison.Ordinal) ? "Unable to open /dev/net/tun" : null;

        Should.Throw<InvalidOperationException>(() => node.Apply(Nat64)).Message.ShouldContain("Unable to open /dev/net/tun");
    }
}
