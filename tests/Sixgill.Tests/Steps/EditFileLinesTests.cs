using Sixgill.Steps;
using Sixgill.Values;

namespace Sixgill.Tests.Steps;

public sealed class EditFileLinesTests
{
    private static readonly EnsureHostsLines Hosts = new("/etc/hosts", [new HostsEntry(Ip.Parse("fd00:20::2"), "n1")]);

    [Fact]
    public void A_hosts_file_Sixgill_created_is_deleted_again()
    {
        var node = new StepTestNode();
        var before = node.Snapshot();

        var undo = node.Apply(Hosts);
        node.Files.Text("/etc/hosts").ShouldBe("fd00:20::2 n1 # sixgill\n");
        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.Reverted);

        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Probe_tells_adding_from_changing()
    {
        var node = new StepTestNode();
        node.Files.WithFile("/etc/hosts", "127.0.0.1 localhost\n");
        Hosts.Probe(node.Context).ShouldBe(ProbeResult.Absent("add 1 line"));

        node.Files.WithFile("/etc/hosts", "127.0.1.1 n1\n");
        Hosts.Probe(node.Context).ShouldBe(ProbeResult.Different("add 1 line, disable 1"));
    }

    [Fact]
    public void Apply_refuses_when_the_file_changed_after_the_intent_was_journalled()
    {
        var node = new StepTestNode();
        node.Files.WithFile("/etc/hosts", "127.0.0.1 localhost\n");
        var undo = Hosts.PrepareUndo(node.Context);
        node.Files.WithFile("/etc/hosts", "127.0.1.1 n1\n");

        Should.Throw<InvalidOperationException>(() => Hosts.Apply(node.Context, undo)).Message.ShouldContain("changed while");
        node.Files.Text("/etc/hosts").ShouldBe("127.0.1.1 n1\n");
    }

    [Fact]
    public void Undo_of_an_intent_that_was_never_applied_does_nothing()
    {
        var node = new StepTestNode();
        node.Files.WithFile("/etc/hosts", "127.0.1.1 n1\n");
        var undo = Hosts.PrepareUndo(node.Context);

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.NothingToDo);
        node.Files.Text("/etc/hosts").ShouldBe("127.0.1.1 n1\n");
    }

    [Fact]
    public void A_nameserver_step_and_its_undo_round_trip_resolv_conf()
    {
        var node = new StepTestNode();
        node.Files.WithFile("/etc/resolv.conf", "nameserver 203.0.113.53");
        var step = new EnsureNameserver("/etc/resolv.conf", Ip.Parse("fd00:10::100"));

        var undo = node.Apply(step);
        node.Files.Text("/etc/resolv.conf").ShouldBe("nameserver fd00:10::100 # sixgill\nnameserver 203.0.113.53");
        undo.Revert(node.Context);

        node.Files.Text("/etc/resolv.conf").ShouldBe("nameserver 203.0.113.53");
    }
}
