using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

/// <summary>A drop-in that only counts once its service restarts: restart after apply and after undo, where systemd runs.</summary>
public sealed class StepWithRestartTests
{
    private const string Unit = "systemd-resolved.service";

    private static readonly EnsureFile DropIn = new("/etc/systemd/resolved.conf.d/60-sixgill.conf", FileBody.FromText("[Resolve]\nDNS=fd00:10::100\n"), (UnixFileMode)Convert.ToInt32("644", 8));

    private static readonly StepWithRestart Step = new(DropIn, Unit);

    [Fact]
    public void It_is_the_file_step_to_plan_and_journal_and_restarts_the_unit_after_writing()
    {
        var node = new StepTestNode();
        var systemd = new FakeSystemd();
        var context = node.Context with { Systemd = systemd };

        Step.Id.ShouldBe(DropIn.Id);
        Step.Probe(context).State.ShouldBe(ProbeState.Absent);
        var undo = Step.PrepareUndo(context);
        Step.Apply(context, undo);

        node.Files.Text(DropIn.Path).ShouldNotBeNull().ShouldContain("DNS=fd00:10::100");
        systemd.Restarts.ShouldBe([Unit]);
        Step.Probe(context).ShouldBe(ProbeResult.Present);
    }

    [Fact]
    public void Undo_removes_the_file_then_restarts_so_the_service_forgets_it()
    {
        var node = new StepTestNode();
        var before = node.Snapshot();
        var systemd = new FakeSystemd();
        var context = node.Context with { Systemd = systemd };
        var undo = Step.PrepareUndo(context);
        Step.Apply(context, undo);
        systemd.Restarts.Clear();

        var outcome = undo.Revert(context);

        outcome.Status.ShouldBe(UndoStatus.Reverted);
        outcome.Detail.ShouldNotBeNull().ShouldEndWith($"restarted {Unit}");
        systemd.Restarts.ShouldBe([Unit]);
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_file_a_person_changed_since_is_left_alone_without_a_restart()
    {
        var node = new StepTestNode();
        var systemd = new FakeSystemd();
        var context = node.Context with { Systemd = systemd };
        var undo = Step.PrepareUndo(context);
        Step.Apply(context, undo);
        node.Files.WithFile(DropIn.Path, "[Resolve]\nDNS=2001:db8::53\n");
        systemd.Restarts.Clear();

        undo.Revert(context).Status.ShouldBe(UndoStatus.LeftAlone);

        systemd.Restarts.ShouldBeEmpty();
    }

    [Fact]
    public void Where_systemd_does_not_run_undo_still_removes_the_file_and_says_the_unit_was_not_restarted()
    {
        var node = new StepTestNode();
        var withSystemd = node.Context with { Systemd = new FakeSystemd() };
        var undo = Step.PrepareUndo(withSystemd);
        Step.Apply(withSystemd, undo);

        var outcome = undo.Revert(node.Context);

        outcome.Status.ShouldBe(UndoStatus.Reverted);
        outcome.Detail.ShouldNotBeNull().ShouldContain("not restarted: systemd is not running");
        node.Files.Text(DropIn.Path).ShouldBeNull();
    }

    [Fact]
    public void Without_a_journal_it_finds_the_file_and_restarts_after_removing_it()
    {
        var node = new StepTestNode();
        var systemd = new FakeSystemd();
        var context = node.Context with { Systemd = systemd };
        Step.Apply(context, Step.PrepareUndo(context));
        systemd.Restarts.Clear();

        var found = Step.FindUndo(context).ShouldBeOfType<UndoWithRestart>();
        found.Revert(context).Status.ShouldBe(UndoStatus.Reverted);

        systemd.Restarts.ShouldBe([Unit]);
        Step.FindUndo(context).ShouldBeNull();
    }
}
