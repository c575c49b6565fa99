using System.Buffers;
using System.Text.Json;

namespace Sixgill.Engine;

/// <summary>
/// The journal file's format, pure. Version 3 is a log: the first line is the whole journal as it was
/// when the file was last written whole (a <see cref="JournalDocument"/> on one line), and every
/// further line is one <see cref="JournalChange"/> appended since. A run appends its intents (one
/// write and one fdatasync each) instead of rewriting the file, and rewrites it whole (compacts it to
/// one line) when it ends. A compact journal is a plain JSON document; a growing one is a stream
/// of JSON values, one a line (<c>jq</c> reads both).
/// </summary>
/// <remarks>
/// A last line without its newline is an append that a crash cut short: its fdatasync never
/// returned, so the change it announced was never started; it is left out (and the file is
/// rewritten whole before the next append). Versions 1 and 2 (one indented JSON document, written
/// whole every time) are still read; the first write turns them into version 3.
/// </remarks>
internal static class JournalLog
{
    /// <summary>What a journal file holds: the journal, whether it is one compact version-3 line, and whether a torn last line was left out.</summary>
    internal sealed record Contents(JournalDocument Document, bool Compact, bool Torn);

    public static byte[] Whole(JournalDocument document) => Lines([document], JournalJson.Write);

    public static byte[] Lines(IEnumerable<JournalChange> changes) => Lines(changes, JournalJson.Write);

    /// <summary>
    /// The changes that turn <paramref name="from"/> into <paramref name="to"/>, in the order to
    /// append them; null when they cannot be said as changes (an entry altered other than by its
    /// applied mark): then the file is written whole.
    /// </summary>
    public static List<JournalChange>? Changes(JournalDocument from, JournalDocument to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<JournalChange>();
        if ((from.Node, from.Config) != (to.Node, to.Config))
        {
            changes.Add(new JournalChange(Owner: new JournalOwner(to.Node, to.Config)));
        }

        // Plain loops: LINQ over these value types makes NativeAOT build generic code at run time.
        var before = new Dictionary<long, JournalEntry>(from.Entries.Length);
        foreach (var entry in from.Entries)
        {
            before[entry.Sequence] = entry;
        }

        var after = new HashSet<long>(to.Entries.Length);
        foreach (var entry in to.Entries)
        {
            after.Add(entry.Sequence);
        }

        foreach (var entry in from.Entries)
        {
            if (!after.Contains(entry.Sequence))
            {
                changes.Add(new JournalChange(Removed: entry.Sequence));
            }
        }

        foreach (var entry in to.Entries)
        {
            if (!before.TryGetValue(entry.Sequence, out var old))
            {
                changes.Add(new JournalChange(Begin: entry));
            }
            else if (old != entry)
            {
                if (old with { State = entry.State } != entry || entry.State != JournalEntryState.Applied)
                {
                    return null;
                }

                changes.Add(new JournalChange(Applied: entry.Sequence));
            }
        }

        return changes;
    }

    /// <summary>Reads a journal file of any version; null when it holds only <c>null</c>; throws <see cref="JsonException"/> or <see cref="FormatException"/> on what is not a journal.</summary>
    public static Contents? Read(ReadOnlyMemory<byte> bytes)
    {
        var end = bytes.Span.IndexOf((byte)'\n');
        JsonDocument firstLine;
        try
        {
            firstLine = JsonDocument.Parse(end < 0 ? bytes : bytes[..end]);
        }
        catch (JsonException) when (end >= 0)
        {
            // Versions 1 and 2: one indented document over many lines.
            var whole = Value(bytes, "the journal", JournalJson.ReadDocument);
            return whole is null ? null
                : whole.Version < JournalDocument.CurrentVersion ? new Contents(whole, Compact: false, Torn: false)
                : throw new FormatException($"a version {whole.Version} journal is one document a line");
        }

        JournalDocument? first;
        using (firstLine)
        {
            first = Value(firstLine, "line 1", JournalJson.ReadDocument);
        }

        if (first is null)
        {
            return null;
        }

        if (first.Version != JournalDocument.CurrentVersion || end < 0)
        {
            // Another version (the caller refuses a newer one), or one line without its newline,
            // which only a hand-written file has: a version 3 file is created whole, by rename.
            return new Contents(first, Compact: false, Torn: false);
        }

        var entries = first.Entries.IsDefault ? [] : first.Entries.ToList();
        var owner = new JournalOwner(first.Node, first.Config);
        var rest = bytes[(end + 1)..];
        var lines = 0;
        while (!rest.IsEmpty)
        {
            var next = rest.Span.IndexOf((byte)'\n');
            if (next < 0)
            {
                return new Contents(Document(first, entries, owner), Compact: false, Torn: true);
            }

            var change = Value(rest[..next], $"line {lines + 2}", JournalJson.ReadChange) ?? throw new FormatException($"line {lines + 2} holds 'null'");
            Apply(change, entries, ref owner, lines + 2);
            rest = rest[(next + 1)..];
            lines++;
        }

        return new Contents(Document(first, entries, owner), Compact: lines == 0, Torn: false);
    }

    private static void Apply(JournalChange change, List<JournalEntry> entries, ref JournalOwner owner, int line)
    {
        int IndexOf(long sequence) =>
            entries.FindIndex(e => e.Sequence == sequence) is var i and >= 0 ? i : throw new FormatException($"line {line} names entry {sequence}, which the journal does not hold");

        switch (change)
        {
            case { Begin: { } entry, Applied: null, Removed: null, Owner: null }:
                entries.Add(entry);
                break;
            case { Applied: { } sequence, Begin: null, Removed: null, Owner: null }:
                var index = IndexOf(sequence);
                entries[index] = entries[index] with { State = JournalEntryState.Applied };
                break;
            case { Removed: { } sequence, Begin: null, Applied: null, Owner: null }:
                entries.RemoveAt(IndexOf(sequence));
                break;
            case { Owner: { } newOwner, Begin: null, Applied: null, Removed: null }:
                owner = newOwner;
                break;
            default:
                throw new FormatException($"line {line} is not one change (begin, applied, removed or owner)");
        }
    }

    private static JournalDocument Document(JournalDocument first, List<JournalEntry> entries, JournalOwner owner) =>
        first with { Entries = [.. entries], Node = owner.Node, Config = owner.Config };

    /// <summary>Each value as one line of JSON (compact, ending in a newline).</summary>
    private static byte[] Lines<T>(IEnumerable<T> values, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);
        foreach (var value in values)
        {
            write(writer, value);
            writer.Flush();
            buffer.Write("\n"u8);
            writer.Reset(buffer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>One JSON value read by <paramref name="read"/>; null when it is <c>null</c>.</summary>
    private static T? Value<T>(ReadOnlyMemory<byte> json, string what, Func<JournalObject, T> read) where T : class
    {
        using var document = JsonDocument.Parse(json);
        return Value(document, what, read);
    }

    private static T? Value<T>(JsonDocument document, string what, Func<JournalObject, T> read) where T : class =>
        document.RootElement.ValueKind == JsonValueKind.Null ? null : JournalObject.Read(new JournalObject(document.RootElement, what), read);
}
