using System.Text.Json;

namespace Sixgill.Engine;

/// <summary>
/// The journal's values as JSON, written and read by hand (see <see cref="UndoJson"/> for why): the
/// document, its entries and the change lines <see cref="JournalLog"/> appends. Field names are
/// camelCase in a fixed order, an entry's state is its name (<c>"Applied"</c>), and a time is ISO 8601.
/// Strict on reading (<see cref="JournalObject"/>): unknown or missing fields fail.
/// </summary>
internal static class JournalJson
{
    private static readonly (string Name, JournalEntryState Value)[] States =
        [(nameof(JournalEntryState.Applying), JournalEntryState.Applying), (nameof(JournalEntryState.Applied), JournalEntryState.Applied)];

    public static void Write(Utf8JsonWriter writer, JournalDocument document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        writer.WriteStartObject();
        writer.WriteNumber("version", document.Version);
        writer.WriteStartArray("entries");
        foreach (var entry in document.Entries.IsDefault ? [] : document.Entries)
        {
            Write(writer, entry);
        }

        writer.WriteEndArray();
        writer.WriteString("node", document.Node);
        writer.WriteString("config", document.Config);
        writer.WriteEndObject();
    }

    /// <summary>Writes one change line's value; only the change it holds is written.</summary>
    public static void Write(Utf8JsonWriter writer, JournalChange change)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(change);
        writer.WriteStartObject();
        if (change.Begin is { } entry)
        {
            writer.WritePropertyName("begin");
            Write(writer, entry);
        }

        if (change.Applied is { } applied)
        {
            writer.WriteNumber("applied", applied);
        }

        if (change.Removed is { } removed)
        {
            writer.WriteNumber("removed", removed);
        }

        if (change.Owner is { } owner)
        {
            UndoJson.WriteObject(writer, "owner", owner, (w, o) =>
            {
                w.WriteString("node", o.Node);
                w.WriteString("config", o.Config);
            });
        }

        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        writer.WriteStartObject();
        writer.WriteNumber("sequence", entry.Sequence);
        writer.WriteString("command", entry.Command);
        writer.WriteString("stepId", entry.StepId);
        writer.WriteString("description", entry.Description);
        writer.WriteString("state", StateName(entry.State));
        writer.WriteString("at", entry.At);
        writer.WritePropertyName("undo");
        UndoJson.Write(writer, entry.Undo);
        writer.WriteEndObject();
    }

    private static string StateName(JournalEntryState state)
    {
        foreach (var (name, value) in States)
        {
            if (value == state)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(state), state, "not a state of a journal entry");
    }

    /// <summary>The journal document; node and config may be left out (journals of version 1).</summary>
    public static JournalDocument ReadDocument(JournalObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new JournalDocument(value.Int32("version"), value.Objects("entries", ReadEntry), value.OptionalString("node"), value.OptionalString("config"));
    }

    /// <summary>One change line; each of its four fields may be left out.</summary>
    public static JournalChange ReadChange(JournalObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new JournalChange(
            value.OptionalObject("begin", ReadEntry),
            value.OptionalInt64("applied"),
            value.OptionalInt64("removed"),
            value.OptionalObject("owner", o => new JournalOwner(o.NullableString("node"), o.NullableString("config"))));
    }

    public static JournalEntry ReadEntry(JournalObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new JournalEntry(
            value.Int64("sequence"),
            value.String("command"),
            value.String("stepId"),
            value.String("description"),
            value.Choice("state", States),
            value.Time("at"),
            value.Object("undo", UndoJson.Read));
    }
}
