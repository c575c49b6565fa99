using Sixgill.Engine;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>A journal store that shares the fakes' fate (a save is a change) and records every save.</summary>
internal sealed class DoomedJournalStore(IJournalStore inner, Doom doom) : IJournalStore
{
    public List<JournalDocument> Saves { get; } = [];

    /// <summary>Called after each save, to interleave with the host fakes' logs.</summary>
    public Action<JournalDocument>? OnSave { get; set; }

    public string Location => inner.Location;

    public JournalDocument? Load()
    {
        doom.Check();
        return inner.Load();
    }

    public void Save(JournalDocument document, bool durable = true)
    {
        doom.Change();
        inner.Save(document, durable);
        Saves.Add(document);
        OnSave?.Invoke(document);
    }

    /// <summary>A save like the others (a crash point of its own).</summary>
    public void Compact(JournalDocument document)
    {
        doom.Change();
        inner.Compact(document);
        Saves.Add(document);
        OnSave?.Invoke(document);
    }
}
