using System.Collections.Immutable;
using Sixgill.Machine;
using Sixgill.Steps;

namespace Sixgill.Engine;

/// <summary>
/// Runs steps against a node: probe all, apply only what is not already so, journal every change
/// before making it, roll this run back on failure, and undo from the journal (clean, down).
/// </summary>
/// <remarks>
/// Crash safety: before a step is applied its entry (with the undo) is saved as
/// <see cref="JournalEntryState.Applying"/>; after it, it is marked <see cref="JournalEntryState.Applied"/>
/// in the next save (the next step's intent, or the end of the run).
/// A kill -9 at any point leaves a journal whose undos, newest first, restore the node — an
/// Applying entry's undo is harmless if the apply never happened (<see cref="Steps.Undo"/>).
/// </remarks>
internal sealed class Executor(
    StepContext context,
    IJournalStore journalStore,
    IRunLock runLock,
    TimeProvider? clock = null,
    Action<ExecutionEvent>? observe = null,
    JournalIdentity? identity = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>The probes of <paramref name="steps"/>, for <c>plan</c>: no lock, no journal, no change.</summary>
    public PlanReport Plan(IReadOnlyList<Step> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return new PlanReport([.. steps.Select(step =>
        {
            var probe = ProbeForPlan(step);
            return new PlanLine(PlanLine.SymbolOf(probe.State), step.Id, step.Description, probe.Detail);
        })]);
    }

    /// <summary>What <see cref="Undo"/> would take back, for <c>plan clean</c>/<c>plan down</c>.</summary>
    public PlanReport PlanUndo(string command, IReadOnlyList<Step> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var journal = Journal.Open(journalStore, identity);
        if (!journal.Existed)
        {
            return new PlanReport([.. PlanByProbes(steps, "no journal: found on the node")], FromJournal: false);
        }

        var recorded = journal.Entries.Where(e => e.Command == command).ToList();
        var lines = recorded.OrderByDescending(e => e.Sequence).Select(e =>
            new PlanLine('-', e.StepId, e.Undo.Describe(), e.State == JournalEntryState.Applying ? "interrupted run: may not have been applied" : null));
        return journal.Mistrust is { } why
            ? new PlanReport([.. lines, .. PlanByProbes(NotRecorded(steps, recorded), "not in the journal: found on the node")], Mistrust: why)
            : new PlanReport([.. lines]);
    }

    private IEnumerable<PlanLine> PlanByProbes(IEnumerable<Step> steps, string detail)
    {
        foreach (var step in steps.Reverse())
        {
            PlanLine? line;
            try
            {
                line = step.FindUndo(context) is { } undo ? new PlanLine('-', step.Id, undo.Describe(), detail) : null;
            }
            catch (Exception e)
            {
                line = new PlanLine('?', step.Id, step.Description, e.Message);
            }

            if (line is not null)
            {
                yield return line;
            }
        }
    }

    /// <summary>The steps of this config that no journal entry of the command stands for.</summary>
    private static IEnumerable<Step> NotRecorded(IEnumerable<Step> steps, IEnumerable<JournalEntry> recorded)
    {
        var ids = recorded.Select(e => e.StepId).ToHashSet(StringComparer.Ordinal);
        return steps.Where(s => !ids.Contains(s.Id));
    }

    /// <summary>
    /// Applies what is not already so, in order. Throws <see cref="PreconditionFailedException"/>
    /// (nothing changed) when the lock is held or a probe finds a precondition missing. When
    /// <paramref name="stop"/> is requested (SIGINT, SIGTERM) the step under way finishes, and the run
    /// is rolled back as for a failure (<see cref="StopRequestedException"/>).
    /// </summary>
    public RunReport Run(string command, IReadOnlyList<Step> steps, StopRequest? stop = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        using var held = runLock.Acquire();
        var journal = Journal.Open(journalStore, identity);
        var interrupted = journal.Entries.Where(e => e.State == JournalEntryState.Applying).ToImmutableArray();

        // Every probe before any change: a missing interface stops the run with nothing touched.
        var probed = new List<(Step Step, ProbeResult Probe)>(steps.Count);
        foreach (var step in steps)
        {
            try
            {
                probed.Add((step, step.Probe(context)));
            }
            catch (Exception e) when (e is not PreconditionFailedException)
            {
                return new RunReport([], new StepFailure(step.Id, step.Description, e), [], interrupted);
            }
        }

        var outcomes = new List<StepOutcome>(steps.Count);
        var thisRun = new List<JournalEntry>();
        foreach (var (step, probe) in probed)
        {
            if (!probe.NeedsChange)
            {
                outcomes.Add(new StepOutcome(step.Id, step.Description, probe, Applied: false));
                continue;
            }

            if (stop?.Signal is { } signal)
            {
                // Named after the step the signal came in (finished), or the next one when none had run.
                var at = outcomes.LastOrDefault(o => o.Applied) is { } done ? (StepId: done.StepId, done.Description) : (StepId: step.Id, step.Description);
                return Stopped(journal, thisRun, outcomes, new StepFailure(at.StepId, at.Description, new StopRequestedException(signal)), interrupted);
            }

            try
            {
                Apply(command, step, journal, thisRun);
                outcomes.Add(new StepOutcome(step.Id, step.Description, probe, Applied: true));
            }
            catch (Exception e)
            {
                return Stopped(journal, thisRun, outcomes, new StepFailure(step.Id, step.Description, e), interrupted);
            }
        }

        // A signal during the last step: that run is rolled back too, as promised.
        if (stop?.Signal is { } late && outcomes.LastOrDefault(o => o.Applied) is { } last)
        {
            return Stopped(journal, thisRun, outcomes, new StepFailure(last.StepId, last.Description, new StopRequestedException(late)), interrupted);
        }

        return new RunReport([.. outcomes], null, [], interrupted) { JournalTrouble = Finish(journal, "it lists every change of this run; 'sixgill clean' undoes them") };
    }

    private RunReport Stopped(Journal journal, List<JournalEntry> thisRun, List<StepOutcome> outcomes, StepFailure failure, ImmutableArray<JournalEntry> interrupted)
    {
        observe?.Invoke(new ExecutionEvent(ExecutionEventKind.Failed, failure.Description, failure.Message));
        var rolledBack = Revert(journal, thisRun);
        return new RunReport([.. outcomes], failure, rolledBack, interrupted) { JournalTrouble = Finish(journal, UndoneButListed) };
    }

    private const string UndoneButListed = "it may still list changes that were undone; undoing them again finds nothing to do";

    /// <summary>
    /// Ends the journal's run. A state directory that is full or read-only does not take the report
    /// with it: what was done is done (and said); the trouble is returned for the report to carry.
    /// </summary>
    private static string? Finish(Journal journal, string consequence)
    {
        try
        {
            journal.Finish();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the journal could not be written at the end ({e.Message}): {consequence}";
        }
    }

    /// <summary>
    /// Takes back what <paramref name="command"/> changed: every journal entry of it, newest first.
    /// With no journal at all, follows the probes of <paramref name="steps"/> instead, newest step
    /// first, and says so in the report. A journal that cannot be taken at its word (another config,
    /// or it does not say whose it is) is undone, and then the probes undo what it does not record.
    /// </summary>
    public UndoReport Undo(string command, IReadOnlyList<Step> steps, StopRequest? stop = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        using var held = runLock.Acquire();
        var journal = Journal.Open(journalStore, identity);
        if (!journal.Existed)
        {
            return new UndoReport(false, [.. UndoByProbes(steps, stop)]) { StoppedBy = stop?.Signal };
        }

        var recorded = journal.Entries.Where(e => e.Command == command).ToList();
        var results = Revert(journal, recorded, stop);
        if (journal.Mistrust is not { } why || stop?.Signal is not null)
        {
            var trouble = Finish(journal, UndoneButListed);
            return new UndoReport(true, results, journal.Mistrust) { StoppedBy = stop?.Signal, Left = journal.Entries.Count(e => e.Command == command), JournalTrouble = trouble };
        }

        UndoReport report = new(true, [.. results, .. UndoByProbes(NotRecorded(steps, recorded), stop)], why) { StoppedBy = stop?.Signal };
        if (report.Succeeded && report.StoppedBy is null)
        {
            // Everything of this config is gone: from now on the journal is this config's.
            journal.Adopt();
        }

        return report with { JournalTrouble = Finish(journal, UndoneButListed) };
    }

    /// <summary>
    /// Drops every journal entry of <paramref name="command"/> without undoing it, and deletes the
    /// backups those entries kept (they may hold a token or a CA key). Returns the backups deleted.
    /// </summary>
    public ImmutableArray<string> Forget(string command)
    {
        using var held = runLock.Acquire();
        var journal = Journal.Open(journalStore, identity);
        var deleted = new List<string>();
        foreach (var entry in journal.Entries.Where(e => e.Command == command).ToList())
        {
            if (entry.Undo is RestoreFile { Previous: { } previous } && context.Files.Delete(previous.Backup))
            {
                deleted.Add(previous.Backup);
            }

            journal.Remove(entry);
        }

        journal.Finish();
        return [.. deleted];
    }

    private List<UndoResult> UndoByProbes(IEnumerable<Step> steps, StopRequest? stop)
    {
        var results = new List<UndoResult>();
        foreach (var step in steps.Reverse())
        {
            if (stop?.Requested == true)
            {
                break;
            }

            try
            {
                if (step.FindUndo(context) is { } undo)
                {
                    observe?.Invoke(new ExecutionEvent(ExecutionEventKind.Reverting, undo.Describe()));
                    results.Add(new UndoResult(step.Id, undo.Describe(), undo.Revert(context), null, ByProbe: true));
                }
            }
            catch (Exception e)
            {
                results.Add(new UndoResult(step.Id, step.Description, null, e.Message, ByProbe: true));
            }
        }

        return results;
    }

    private void Apply(string command, Step step, Journal journal, List<JournalEntry> thisRun)
    {
        observe?.Invoke(new ExecutionEvent(ExecutionEventKind.Applying, step.Description));
        var undo = step.PrepareUndo(context);
        JournalEntry entry;
        try
        {
            entry = journal.Begin(command, step, undo, clock.GetUtcNow());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"the journal could not record this change, so it was not made ({e.Message})", e);
        }

        thisRun.Add(entry);
        step.Apply(context, undo);

        // Trust, but verify: an apply that "worked" and changed nothing is a failure, not a success.
        var after = step.Probe(context);
        if (after.State != ProbeState.Present)
        {
            throw new StepNotTakenException(step.Description, after.Detail);
        }

        thisRun[^1] = journal.MarkApplied(entry);
        observe?.Invoke(new ExecutionEvent(ExecutionEventKind.Applied, step.Description));
    }

    // Newest first. An undo that fails keeps its entry (clean can retry) and does not stop the others.
    // A stop request (clean, down) ends it between two undos; a rollback never takes one. Undos next
    // to each other that go in one request (Undo.GoesWith) are taken back together, and each entry
    // leaves the journal only once that request is done.
    private ImmutableArray<UndoResult> Revert(Journal journal, IReadOnlyList<JournalEntry> entries, StopRequest? stop = null)
    {
        var newestFirst = entries.OrderByDescending(e => e.Sequence).ToList();
        var results = new List<UndoResult>();
        var next = 0;
        while (next < newestFirst.Count && stop?.Requested != true)
        {
            var together = 1;
            while (next + together < newestFirst.Count && newestFirst[next + together - 1].Undo.GoesWith(newestFirst[next + together].Undo))
            {
                together++;
            }

            RevertTogether(journal, newestFirst.GetRange(next, together), results);
            next += together;
        }

        return [.. results];
    }

    private void RevertTogether(Journal journal, List<JournalEntry> entries, List<UndoResult> results)
    {
        foreach (var entry in entries)
        {
            observe?.Invoke(new ExecutionEvent(ExecutionEventKind.Reverting, entry.Undo.Describe()));
        }

        IReadOnlyList<UndoOutcome> outcomes;
        try
        {
            outcomes = entries.Count == 1
                ? [entries[0].Undo.Revert(context)]
                : entries[0].Undo.RevertTogether(context, [.. entries.Skip(1).Select(e => e.Undo)]);
        }
        catch (Exception e)
        {
            foreach (var entry in entries)
            {
                results.Add(new UndoResult(entry.StepId, entry.Undo.Describe(), null, e.Message));
                observe?.Invoke(new ExecutionEvent(ExecutionEventKind.Failed, entry.Undo.Describe(), e.Message));
            }

            return;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var outcome = outcomes[i];
            try
            {
                journal.Remove(entry);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Undone all the same (a full disk, say): the entry stays, and its undo finds nothing left to do next time.
                outcome = outcome with { Detail = $"{outcome.Detail}{(outcome.Detail is null ? "" : "; ")}the journal could not be updated ({e.Message}): it still lists this, harmlessly" };
            }

            results.Add(new UndoResult(entry.StepId, entry.Undo.Describe(), outcome, null));
            observe?.Invoke(new ExecutionEvent(ExecutionEventKind.Reverted, entry.Undo.Describe(), outcome.Detail));
        }
    }

    private ProbeResult ProbeForPlan(Step step)
    {
        try
        {
            return step.Probe(context);
        }
        catch (Exception e)
        {
            return new ProbeResult(ProbeState.Unknown, e.Message);
        }
    }
}
