namespace Sixgill.Engine;

/// <summary>Where the journal lives between runs.</summary>
internal interface IJournalStore
{
    /// <summary>Where it is, for messages (the file's path).</summary>
    string Location { get; }

    /// <summary>The journal; null when there is none (never written, or removed by hand).</summary>
    JournalDocument? Load();

    /// <summary>
    /// Records the journal as it is now. Durable (an intent): when this returns, not even a crash of
    /// the machine can lose it. Not durable (an undone entry's removal): a killed process cannot lose
    /// it, a crash of the machine can, and then clean undoes that entry again, which undo allows.
    /// </summary>
    void Save(JournalDocument document, bool durable = true);

    /// <summary>At the end of a run: records the journal as it is now, durably, in its smallest form.</summary>
    void Compact(JournalDocument document);
}
