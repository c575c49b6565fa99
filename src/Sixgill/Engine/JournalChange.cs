namespace Sixgill.Engine;

/// <summary>
/// One line of the journal after its first: one change to the journal above it. Exactly one of the
/// four is set (and only it is written): an entry begun (its intent, with its undo), an entry marked applied, an entry
/// removed (undone), or the journal's node and config.
/// </summary>
internal sealed record JournalChange(
    JournalEntry? Begin = null,
    long? Applied = null,
    long? Removed = null,
    JournalOwner? Owner = null);

/// <summary>Whose journal it is: the node and the config digest (see <see cref="JournalIdentity"/>); either may be unknown.</summary>
internal sealed record JournalOwner(string? Node, string? Config);
