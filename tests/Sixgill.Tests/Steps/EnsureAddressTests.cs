using Sixgill.Machine;
using Sixgill.Steps;

namespace Sixgill.Tests.Steps;

public sealed class EnsureAddressTests
{
    private static readonly EnsureAddress Management = new("eth0", InterfaceAddress.Parse("fd00:20::2/64"));

    [Fact]
    public void Probe_sees_absent_present_and_a_down_link()
    {
        var node = new StepTestNode();
        Management.Probe(node.Context).State.ShouldBe(ProbeState.Absent);

        node.Apply(Management);
        Management.Probe(node.Context).ShouldBe(ProbeResult.Present);

        node.Network.SetLinkUp("eth0", false);
        Management.Probe(node.Context).ShouldBe(ProbeResult.Different("eth0 is down"));
    }

    [Fact]
    public void A_link_Sixgill_brought_up_goes_down_again_on_undo()
    {
        var node = new StepTestNode();
        node.Network.WithLink("eth1", up: false);
        var step = new EnsureAddress("eth1", InterfaceAddress.Parse("fd00:20::2/64"));
        var before = node.Snapshot();

        var undo = node.Apply(step);
        node.Network.FindLink("eth1")!.IsUp.ShouldBeTrue();
        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.Reverted);

        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void An_address_that_was_there_on_a_down_link_stays_when_the_link_goes_down_again()
    {
        var node = new StepTestNode();
        node.Network.WithLink("eth1", up: false, "fd00:20::2/64");
        var step = new EnsureAddress("eth1", InterfaceAddress.Parse("fd00:20::2/64"));
        var before = node.Snapshot();
        step.Probe(node.Context).ShouldBe(ProbeResult.Different("eth1 is down"));

        var undo = node.Apply(step);
        step.Probe(node.Context).ShouldBe(ProbeResult.Present);
        undo.Describe().ShouldBe("set eth1 down");
        undo.Revert(node.Context).Detail.ShouldBe("set eth1 down");

        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void The_same_address_with_another_length_is_replaced_and_restored()
    {
        var node = new StepTestNode();
        node.Network.AddAddress("eth0", InterfaceAddress.Parse("fd00:20::2/48"));
        var before = node.Snapshot();
        Management.Probe(node.Context).ShouldBe(ProbeResult.Different("assigned as fd00:20::2/48"));

        var undo = node.Apply(Management);
        node.Network.Addresses("eth0").ShouldBe([InterfaceAddress.Parse("fe80::1/64"), InterfaceAddress.Parse("fd00:20::2/64")]);
        undo.Revert(node.Context);

        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_missing_interface_is_a_precondition_naming_it()
    {
        var node = new StepTestNode();

        Should.Throw<PreconditionFailedException>(() => new EnsureAddress("enp10s0", InterfaceAddress.Parse("fd00:20::2/64")).Probe(node.Context))
            .Message.ShouldContain("enp10s0");
    }

    [Fact]
    public void Undo_of_an_intent_that_was_never_applied_does_nothing()
    {
        var node = new StepTestNode();
        var undo = Management.PrepareUndo(node.Context);
        var before = node.Snapshot();

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.NothingToDo);

        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Without_a_journal_an_address_found_is_removed_and_a_missing_one_ignored()
    {
        var node = new StepTestNode();
        Management.FindUndo(node.Context).ShouldBeNull();

        node.Apply(Management);
        Management.FindUndo(node.Context)!.Revert(node.Context).Status.ShouldBe(UndoStatus.Reverted);

        node.Network.Addresses("eth0").ShouldBe([InterfaceAddress.Parse("fe80::1/64")]);
    }
}
