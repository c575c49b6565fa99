using System.Collections.Immutable;
using Sixgill.Steps;

namespace Sixgill.Engine;

/// <summary>A step of a run: what the probe found and whether the step was applied.</summary>
internal sealed record StepOutcome(string StepId, string Description, ProbeResult Probe, bool Applied);

/// <summary>The step that failed, and why.</summary>
internal sealed record StepFailure(string StepId, string Description, Exception Error)
{
    public string Message => Error.Message;
}

/// <summary>One undo done by rollback or clean: its outcome, or the error that stopped it (the entry then stays in the journal).</summary>
/// <param name="ByProbe">Found by probing the node, not read from the journal.</param>
internal sealed record UndoResult(string StepId, string Description, UndoOutcome? Outcome, string? Error, bool ByProbe = false)
{
    public bool Failed => Error is not null;
}

/// <summary>
/// What <see cref="Executor.Run"/> did. On failure (exit 1) it names the failed step and what was
/// rolled back; a rollback that failed too stays in the journal for <c>clean</c>.
/// </summary>
/// <param name="Interrupted">Entries an earlier run left half-done (it was killed); <c>clean</c> undoes them.</param>
internal sealed record RunReport(
    ImmutableArray<StepOutcome> Steps,
    StepFailure? Failure,
    ImmutableArray<UndoResult> RolledBack,
    ImmutableArray<JournalEntry> Interrupted)
{
    public bool Succeeded => Failure is null;

    public int AppliedCount => Steps.Count(step => step.Applied);

    /// <summary>Why the journal could not be written at the end of the run (a full state directory), and what that means; null when it was.</summary>
    public string? JournalTrouble { get; init; }
}

/// <summary>What <see cref="Executor.Undo"/> did (clean, down).</summary>
/// <param name="FromJournal">False when there was no journal and the undo followed the probes (say so to the user).</param>
/// <param name="Mistrust">Why the journal was not taken at its word (then the probes undid what it does not record); null when it was.</param>
internal sealed record UndoReport(bool FromJournal, ImmutableArray<UndoResult> Results, string? Mistrust = null)
{
    public bool Succeeded => !Results.Any(result => result.Failed);

    /// <summary>The signal (SIGINT 2, SIGTERM 15) that stopped the undo between two steps; null when it ran to its end.</summary>
    public int? StoppedBy { get; init; }

    /// <summary>Entries of the command still in the journal when a stopped undo ended (for the message).</summary>
    public int Left { get; init; }

    /// <summary>Why the journal could not be written at the end (a full state directory), and what that means; null when it was.</summary>
    public string? JournalTrouble { get; init; }
}
