using System.Collections.Immutable;
using Sixgill.Steps;

namespace Sixgill.Engine;

internal enum JournalEntryState
{
    /// <summary>Written before apply: the change may or may not have happened (a crash in between).</summary>
    Applying,

    /// <summary>The change happened and was checked.</summary>
    Applied,
}

/// <summary>One change Sixgill made (or was making) and how to undo it.</summary>
/// <param name="Sequence">Increases with every entry; undo goes by it, newest first.</param>
/// <param name="Command">The command that made the change (<c>prepare</c>, <c>up</c>), so <c>clean</c> and <c>down</c> each undo their own.</param>
internal sealed record JournalEntry(
    long Sequence,
    string Command,
    string StepId,
    string Description,
    JournalEntryState State,
    DateTimeOffset At,
    Undo Undo);

/// <summary>The journal file's content.</summary>
/// <param name="Node">The node it belongs to (version 2 on; null in older journals).</param>
/// <param name="Config">The digest of the config the last run that changed the node used (<see cref="JournalIdentity.Config"/>).</param>
internal sealed record JournalDocument(int Version, ImmutableArray<JournalEntry> Entries, string? Node = null, string? Config = null)
{
    public const int CurrentVersion = 3;

    public static JournalDocument Empty { get; } = new(CurrentVersion, []);
}
