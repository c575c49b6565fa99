using System.Collections.Immutable;
using Sixgill.Steps;

namespace Sixgill.Engine;

/// <summary>One line of <c>sixgill plan</c>: <c>+</c> add, <c>~</c> change, <c>=</c> already so, <c>-</c> remove, <c>?</c> unknown.</summary>
internal sealed record PlanLine(char Symbol, string StepId, string Description, string? Detail)
{
    public bool IsChange => Symbol is '+' or '~' or '-';

    public static char SymbolOf(ProbeState state) => state switch
    {
        ProbeState.Absent => '+',
        ProbeState.Different => '~',
        ProbeState.Present => '=',
        _ => '?',
    };
}

/// <summary>What a command would do now, from the probes alone.</summary>
/// <param name="FromJournal">For undo plans: false when there is no journal and the lines come from probing the node.</param>
/// <param name="Mistrust">For undo plans: why the journal is not taken at its word (the probes add what it does not record).</param>
internal sealed record PlanReport(ImmutableArray<PlanLine> Lines, bool FromJournal = true, string? Mistrust = null)
{
    /// <summary>Whether anything would change (<c>--detailed-exitcode</c> exits 10 then).</summary>
    public bool HasChanges => Lines.Any(line => line.IsChange);
}
