namespace Sixgill.Engine;

/// <summary>Where the journal lives between runs.</summary>
internal interface IJournalStore
{
    /// <summary>Where it is, for messages (the file's path).</summary>
    string Location { get; }

    /// <summary>The journal; null when there is none (never written, or removed by hand).</summary>
    JournalDocument? Load();

    /// <summary>Replaces the journal durably: when this returns, a crash cannot lose it.</summary>
    void Save(JournalDocument document);
}
