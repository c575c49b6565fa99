using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;
using Sixgill.Values;

namespace Sixgill.Tests.Steps;

public sealed class RemoveLinkTests
{
    private static readonly RemoveLink MadeBridge = new("sixgill0", Created: true, null, LinkWasDown: false);
    private static readonly RemoveLink MadeTunnel = new("nat64", Created: true, null, LinkWasDown: false);
    private static readonly RemoveLink AddressOnExisting = new("eth0", Created: false, InterfaceAddress.Parse("fd00:10::100/64"), LinkWasDown: false);

    [Fact]
    public void Only_links_sixgill_made_go_together()
    {
        MadeTunnel.GoesWith(MadeBridge).ShouldBeTrue();
        MadeTunnel.GoesWith(AddressOnExisting).ShouldBeFalse();
        AddressOnExisting.GoesWith(MadeBridge).ShouldBeFalse();
        MadeTunnel.GoesWith(new RevertRoute(new KernelRoute(Prefix.Parse("fd00:10:64:ff9b::/96"), null, "nat64"), null)).ShouldBeFalse();
    }

    [Fact]
    public void Together_they_are_one_change_with_an_outcome_each()
    {
        var node = new FakeGatewayNode();
        node.Network.WithLink("nat64").WithLink("sixgill0", up: true, "fd00:10::100/64").WithLink("eth0");

        var outcomes = MadeTunnel.RevertTogether(node.Context, [MadeBridge]);

        outcomes.Select(o => o.Detail).ShouldBe(["deleted nat64", "deleted sixgill0"]);
        node.Network.Log.ShouldBe(["links delete nat64 sixgill0"]);
        node.Network.FindLink("eth0").ShouldNotBeNull();
    }

    [Fact]
    public void An_undo_that_goes_with_nothing_refuses_to_be_taken_back_together()
    {
        var node = new FakeGatewayNode();

        Should.Throw<NotSupportedException>(() => new LoneUndo().RevertTogether(node.Context, [MadeBridge]))
            .Message.ShouldContain("is taken back on its own");
    }

    private sealed record LoneUndo : Undo
    {
        public override string Describe() => "remove /etc/x";

        public override UndoOutcome Revert(StepContext context) => UndoOutcome.NothingToDo();
    }
}
