using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Engine;

/// <summary>
/// kill -9 at every point of a prepare (after each host change and each journal save): the next
/// process finds the journal on disk and clean restores the node exactly.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly TempDirectory directory = new("sixgill-crash-");

    public static TheoryData<int> CrashPoints()
    {
        // Every change a full prepare makes, plus one past the end (no crash at all).
        var probe = new FakeNode();
        probe.Executor().Run("prepare", FakeNode.PrepareSteps);
        var data = new TheoryData<int>();
        for (var n = 0; n <= probe.Doom.Changes; n++)
        {
            data.Add(n);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public void After_a_crash_at_any_point_clean_restores_the_node_exactly(int changesBeforeCrash)
    {
        var node = new FakeNode(directory);
        var before = node.Snapshot();
        node.Doom.DieAfter(changesBeforeCrash);

        try
        {
            node.Executor().Run("prepare", FakeNode.PrepareSteps);
        }
        catch (ProcessDiedException)
        {
            // Died while probing or journalling: exactly like a kill -9.
        }

        // From the first save on, the journal is on the real disk for the next process to find.
        File.Exists(Path.Combine(directory, "journal.json")).ShouldBe(changesBeforeCrash > 0);
        node.Doom.Revive(); // the next process: same node, same journal file on disk
        var clean = node.Executor().Undo("prepare", FakeNode.PrepareSteps);

        clean.Succeeded.ShouldBeTrue(string.Join("; ", clean.Results.Select(r => r.Error)));
        node.Snapshot().ShouldBe(before);
        (node.Journal.Load()?.Entries ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void A_run_after_a_crash_reports_the_interrupted_step_and_finishes_the_job()
    {
        var node = new FakeNode(directory);
        var before = node.Snapshot();
        node.Doom.DieAfter(1); // intent of the first step saved, then death
        try
        {
            node.Executor().Run("prepare", FakeNode.PrepareSteps);
        }
        catch (ProcessDiedException)
        {
        }

        node.Doom.Revive();
        var report = node.Executor().Run("prepare", FakeNode.PrepareSteps);

        report.Succeeded.ShouldBeTrue(report.Failure?.Error.ToString());
        report.Interrupted.Single().StepId.ShouldBe("address:eth0:fd00:20::2/64");
        node.Executor().Undo("prepare", FakeNode.PrepareSteps).Succeeded.ShouldBeTrue();
        node.Snapshot().ShouldBe(before);
    }

    public void Dispose() => directory.Dispose();
}
