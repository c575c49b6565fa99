using Sixgill.Engine;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Engine;

/// <summary>A state directory that fills up: the run rolls back with right counts, and the report survives the journal.</summary>
public sealed class FullJournalTests
{
    [Fact]
    public void An_intent_that_cannot_be_saved_is_not_made_and_the_run_rolls_back_what_it_made()
    {
        var node = new FakeNode();
        var before = node.Snapshot();
        node.Journal.RoomForSaves = 3;

        var report = new Executor(node.Context, node.Journal, node.Lock).Run("prepare", FakeNode.PrepareSteps);

        report.Failure!.StepId.ShouldBe(FakeNode.PrepareSteps[3].Id);
        report.Failure.Message.ShouldBe("the journal could not record this change, so it was not made (No space left on device)");
        report.AppliedCount.ShouldBe(3);
        report.RolledBack.Length.ShouldBe(3);
        report.RolledBack.ShouldAllBe(r => !r.Failed);
        report.RolledBack.ShouldAllBe(r => r.Outcome!.Detail!.Contains("the journal could not be updated"));
        report.JournalTrouble.ShouldBe("the journal could not be written at the end (No space left on device): it may still list changes that were undone; undoing them again finds nothing to do");
        node.Snapshot().ShouldBe(before);
        node.Journal.Load()!.Entries.Select(e => e.StepId).ShouldBe(FakeNode.PrepareSteps.Take(3).Select(s => s.Id), "the fourth was never on disk, and is not claimed");

        node.Journal.RoomForSaves = null; // room again
        var clean = node.Executor().Undo("prepare", FakeNode.PrepareSteps);

        clean.Succeeded.ShouldBeTrue();
        clean.Results.ShouldAllBe(r => r.Outcome!.Status == Sixgill.Steps.UndoStatus.NothingToDo);
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Without_room_to_compact_the_journal_the_end_of_a_run_is_appended_instead()
    {
        var node = new FakeNode();
        node.Journal.CompactFails = true;

        var report = new Executor(node.Context, node.Journal, node.Lock).Run("prepare", FakeNode.PrepareSteps);

        report.Succeeded.ShouldBeTrue(report.Failure?.Message);
        report.JournalTrouble.ShouldBeNull();
        var journal = node.Journal.Load()!;
        journal.Entries.Length.ShouldBe(FakeNode.PrepareSteps.Length);
        journal.Entries.ShouldAllBe(e => e.State == JournalEntryState.Applied);
    }

    [Fact]
    public void A_clean_whose_journal_cannot_be_written_still_counts_what_it_undid()
    {
        var node = new FakeNode();
        node.Executor().Run("prepare", FakeNode.PrepareSteps).Succeeded.ShouldBeTrue();
        node.Journal.RoomForSaves = 0;
        node.Journal.CompactFails = true;

        var report = new Executor(node.Context, node.Journal, node.Lock).Undo("prepare", FakeNode.PrepareSteps);

        report.Succeeded.ShouldBeTrue();
        report.Results.Count(r => r.Outcome?.Status == Sixgill.Steps.UndoStatus.Reverted).ShouldBe(FakeNode.PrepareSteps.Length);
        report.JournalTrouble.ShouldNotBeNull().ShouldContain("undoing them again finds nothing to do");
    }
}
