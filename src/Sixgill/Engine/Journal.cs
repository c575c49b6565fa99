using Sixgill.Steps;

namespace Sixgill.Engine;

/// <summary>
/// The journal during a run: every change is written to the store durably before it is made (state
/// <see cref="JournalEntryState.Applying"/>) and removed once undone. The mark that a change was
/// applied rides along with the next save (the next step's intent, or <see cref="Finish"/> at the
/// end of the run): one durable save per step instead of two, and a crash in between only leaves a
/// step marked Applying whose undo is safe either way. A removal is saved at once but not durably
/// (a machine crash may bring the entry back; undoing it again is safe); <see cref="Finish"/> then
/// leaves the store compact and durable.
/// </summary>
internal sealed class Journal
{
    private readonly IJournalStore store;
    private readonly List<JournalEntry> entries;
    private readonly JournalIdentity? identity;
    private (string? Node, string? Config) written;
    private bool unsaved;
    private bool saved;

    private Journal(IJournalStore store, JournalDocument? document, JournalIdentity? identity)
    {
        this.store = store;
        this.identity = identity;
        Existed = document is not null;
        entries = [.. document?.Entries ?? []];
        written = document is null ? (identity?.Node, identity?.Config) : (document.Node, document.Config);
        Mistrust = document is null || identity is null ? null
            : document.Node is null || document.Config is null ? "the journal does not say which node and config it belongs to"
            : document.Config != identity.Config ? $"the journal was written with another config ({JournalIdentity.Short(document.Config)}; this one is {JournalIdentity.Short(identity.Config)})"
            : null;
    }

    /// <summary>Whether a journal was there when the run started (an empty one counts: clean ran before).</summary>
    public bool Existed { get; }

    /// <summary>
    /// Null when the journal is this node's and this config's; otherwise why it cannot be taken at its
    /// word, and undo checks the probes for what it does not record.
    /// </summary>
    public string? Mistrust { get; }

    public IReadOnlyList<JournalEntry> Entries => entries;

    /// <summary>
    /// Opens the journal of the node <paramref name="identity"/> names (null: no check, for tests of the
    /// engine alone). Throws <see cref="JournalRefusedException"/> when the journal belongs to another node.
    /// </summary>
    public static Journal Open(IJournalStore store, JournalIdentity? identity = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var document = store.Load();
        if (identity is not null && document?.Node is { } owner && owner != identity.Node)
        {
            throw new JournalRefusedException(
                $"the journal {store.Location} belongs to node {owner}, not {identity.Node}; Sixgill will not undo another node's changes here",
                $"if this machine is {owner}, run with --host {owner}; if the journal was copied here, {JournalRefusedException.MoveAside(store.Location)}");
        }

        return new Journal(store, document, identity);
    }

    /// <summary>From the next save on, the journal says it is this node's and this config's (after a run that changed the node, or an undo that left nothing).</summary>
    public void Adopt()
    {
        if (identity is not null && written != (identity.Node, identity.Config))
        {
            written = (identity.Node, identity.Config);
            unsaved = true;
        }
    }

    /// <summary>Records the intent to apply <paramref name="step"/>, with its undo, before anything changes.</summary>
    public JournalEntry Begin(string command, Step step, Undo undo, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(step);
        var sequence = entries.Count == 0 ? 1 : entries.Max(e => e.Sequence) + 1;
        var entry = new JournalEntry(sequence, command, step.Id, step.Description, JournalEntryState.Applying, at, undo);
        var (before, pending) = (written, unsaved);
        entries.Add(entry);
        Adopt();
        try
        {
            Save();
        }
        catch
        {
            // Not on disk, so not made: the journal in memory must not claim it either (a later save would).
            entries.RemoveAt(entries.Count - 1);
            (written, unsaved) = (before, pending);
            throw;
        }

        return entry;
    }

    /// <summary>Marks the entry applied in memory; the next save (<see cref="Begin"/>, <see cref="Remove"/>, <see cref="Finish"/>) writes it.</summary>
    public JournalEntry MarkApplied(JournalEntry entry)
    {
        var applied = entry with { State = JournalEntryState.Applied };
        entries[IndexOf(entry)] = applied;
        unsaved = true;
        return applied;
    }

    /// <summary>
    /// Ends the run: when it wrote anything or holds what is only in memory (applied marks), the store is
    /// compacted with it, durably. Compaction writes a new file; where there is no room for one (a full
    /// state directory), what is only in memory is appended instead, durably, and the log stays as it is.
    /// Throws only when that fails too.
    /// </summary>
    public void Finish()
    {
        if (unsaved || saved)
        {
            try
            {
                store.Compact(Document());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                store.Save(Document(), durable: true);
            }

            unsaved = false;
        }
    }

    public void Remove(JournalEntry entry)
    {
        entries.RemoveAt(IndexOf(entry));
        unsaved = true; // until the save below succeeds: Finish tries again
        Save(durable: false);
    }

    private int IndexOf(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var index = entries.FindIndex(e => e.Sequence == entry.Sequence);
        return index >= 0 ? index : throw new InvalidOperationException($"journal entry {entry.Sequence} is not in the journal");
    }

    private void Save(bool durable = true)
    {
        store.Save(Document(), durable);
        unsaved = false;
        saved = true;
    }

    private JournalDocument Document() => new(JournalDocument.CurrentVersion, [.. entries], written.Node, written.Config);
}
