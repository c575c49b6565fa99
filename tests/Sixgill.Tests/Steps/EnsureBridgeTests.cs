using Sixgill.Machine;
using Sixgill.Steps;

namespace Sixgill.Tests.Steps;

public sealed class EnsureBridgeTests
{
    private static readonly EnsureBridge Sixgill0 = new("sixgill0", InterfaceAddress.Parse("fd00:10::100/64"));

    [Fact]
    public void A_new_bridge_gets_its_address_without_dad_and_goes_whole_at_undo()
    {
        var node = new StepTestNode();
        var before = node.Snapshot();
        Sixgill0.Probe(node.Context).State.ShouldBe(ProbeState.Absent);

        var undo = node.Apply(Sixgill0);

        Sixgill0.Probe(node.Context).ShouldBe(ProbeResult.Present);
        node.Network.Log.ShouldBe(["link add sixgill0 type bridge", "link set sixgill0 up", "address replace fd00:10::100/64 dev sixgill0 nodad"]);
        undo.ShouldBe(new RemoveLink("sixgill0", Created: true, null, LinkWasDown: false));
        undo.Revert(node.Context).Detail.ShouldBe("deleted sixgill0");
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void On_a_bridge_that_was_there_undo_takes_back_only_the_address_and_the_up()
    {
        var node = new StepTestNode();
        node.Network.WithLink("sixgill0", up: false, "fd00:10::1/64");
        var before = node.Snapshot();
        Sixgill0.Probe(node.Context).State.ShouldBe(ProbeState.Different);

        var undo = node.Apply(Sixgill0);

        Sixgill0.Probe(node.Context).ShouldBe(ProbeResult.Present);
        undo.Revert(node.Context).Detail.ShouldBe("removed fd00:10::100/64, set sixgill0 down");
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Undo_of_a_bridge_someone_deleted_does_nothing()
    {
        var node = new StepTestNode();
        var undo = node.Apply(Sixgill0);
        node.Network.DeleteLink("sixgill0");

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.NothingToDo);
    }

    [Fact]
    public void Clean_without_a_journal_deletes_a_bridge_of_that_name()
    {
        var node = new StepTestNode();
        Sixgill0.FindUndo(node.Context).ShouldBeNull();
        node.Network.WithLink("sixgill0", up: true, "fd00:10::100/64");

        Sixgill0.FindUndo(node.Context).ShouldBe(new RemoveLink("sixgill0", Created: true, null, LinkWasDown: false));
    }
}
