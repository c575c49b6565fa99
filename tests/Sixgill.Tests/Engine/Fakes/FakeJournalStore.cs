using Sixgill.Engine;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// The one fake <see cref="IJournalStore"/>: the real journal file (over the fake files), wrapped so
/// that it shares the fakes' fate (a save is a change, see <see cref="Doom"/>), records every save,
/// and can run out of room (<see cref="RoomForSaves"/>, <see cref="CompactFails"/>).
/// </summary>
internal sealed class FakeJournalStore(IJournalStore inner, Doom doom) : IJournalStore
{
    public List<JournalDocument> Saves { get; } = [];

    /// <summary>Called after each save, to interleave with the host fakes' logs.</summary>
    public Action<JournalDocument>? OnSave { get; set; }

    /// <summary>How many more saves the file system has room for ("No space left on device" after that); null: no limit.</summary>
    public int? RoomForSaves { get; set; }

    /// <summary>Compaction (a new file) fails for want of room, whatever room saves have.</summary>
    public bool CompactFails { get; set; }

    public string Location => inner.Location;

    public JournalDocument? Load()
    {
        doom.Check();
        return inner.Load();
    }

    public void Save(JournalDocument document, bool durable = true)
    {
        if (RoomForSaves is { } room)
        {
            RoomForSaves = room - 1;
            if (room <= 0)
            {
                throw new IOException("No space left on device");
            }
        }

        doom.Change();
        inner.Save(document, durable);
        Saves.Add(document);
        OnSave?.Invoke(document);
    }

    /// <summary>A save like the others (a crash point of its own).</summary>
    public void Compact(JournalDocument document)
    {
        if (CompactFails || RoomForSaves <= 0)
        {
            throw new IOException("No space left on device");
        }

        doom.Change();
        inner.Compact(document);
        Saves.Add(document);
        OnSave?.Invoke(document);
    }
}
