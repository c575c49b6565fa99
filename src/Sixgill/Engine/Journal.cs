using Sixgill.Steps;

namespace Sixgill.Engine;

/// <summary>
/// The journal during a run: every change is written to the store before it is made (state
/// <see cref="JournalEntryState.Applying"/>) and removed once undone — each time saved durably
/// before the run goes on. The mark that a change was applied rides along with the next save (the
/// next step's intent, or <see cref="Flush"/> at the end of the run): one fsync'd save per step
/// instead of two, and a crash in between only leaves a step marked Applying whose undo is safe
/// either way.
/// </summary>
internal sealed class Journal
{
    private readonly IJournalStore store;
    private readonly List<JournalEntry> entries;
    private bool unsaved;

    private Journal(IJournalStore store, JournalDocument? document)
    {
        this.store = store;
        Existed = document is not null;
        entries = [.. document?.Entries ?? []];
    }

    /// <summary>Whether a journal was there when the run started (an empty one counts: clean ran before).</summary>
    public bool Existed { get; }

    public IReadOnlyList<JournalEntry> Entries => entries;

    public static Journal Open(IJournalStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new Journal(store, store.Load());
    }

    /// <summary>Records the intent to apply <paramref name="step"/>, with its undo, before anything changes.</summary>
    public JournalEntry Begin(string command, Step step, Undo undo, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(step);
        var sequence = entries.Count == 0 ? 1 : entries.Max(e => e.Sequence) + 1;
        var entry = new JournalEntry(sequence, command, step.Id, step.Description, JournalEntryState.Applying, at, undo);
        entries.Add(entry);
        Save();
        return entry;
    }

    /// <summary>Marks the entry applied in memory; the next save (<see cref="Begin"/>, <see cref="Remove"/>, <see cref="Flush"/>) writes it.</summary>
    public JournalEntry MarkApplied(JournalEntry entry)
    {
        var applied = entry with { State = JournalEntryState.Applied };
        entries[IndexOf(entry)] = applied;
        unsaved = true;
        return applied;
    }

    /// <summary>Saves what is only in memory (applied marks), if anything is.</summary>
    public void Flush()
    {
        if (unsaved)
        {
            Save();
        }
    }

    public void Remove(JournalEntry entry)
    {
        entries.RemoveAt(IndexOf(entry));
        Save();
    }

    private int IndexOf(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var index = entries.FindIndex(e => e.Sequence == entry.Sequence);
        return index >= 0 ? index : throw new InvalidOperationException($"journal entry {entry.Sequence} is not in the journal");
    }

    private void Save()
    {
        store.Save(new JournalDocument(JournalDocument.CurrentVersion, [.. entries]));
        unsaved = false;
    }
}
