using System.Collections.Immutable;
using System.Text.Json;

namespace Sixgill.Engine;

/// <summary>
/// One JSON object of the journal, read strictly: every field read must be there with the right
/// type (null only where asked for), and <see cref="Read{T}"/> refuses a field nobody read (unknown
/// or given twice). Half-understood undo data must stop clean, not guide it. Every failure is a
/// <see cref="JsonException"/> that names the object and the field.
/// </summary>
internal sealed class JournalObject
{
    private readonly JsonElement element;
    private readonly JournalObject? parent;
    private readonly string label;
    private readonly int position;
    private readonly List<string> readNames = [];

    /// <param name="element">The JSON value, which must be an object.</param>
    /// <param name="what">What it is, for messages (<c>line 3</c>).</param>
    public JournalObject(JsonElement element, string what)
        : this(element, null, what, -1)
    {
    }

    private JournalObject(JsonElement element, JournalObject? parent, string label, int position)
    {
        this.parent = parent;
        this.label = label;
        this.position = position;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"{What} is {Describe(element)}, not an object");
        }

        this.element = element;
    }

    /// <summary>Where this object is (<c>line 3: begin: undo</c>), made only for a message.</summary>
    private string What => (parent is null ? "" : parent.What + ": ") + label + (position < 0 ? "" : $"[{position}]");

    /// <summary>The object's <c>kind</c> field, for a value whose type it names.</summary>
    public string Kind() => String("kind");

    public string String(string name) => NullableString(name) ?? throw Wrong(name, "null", "text");

    public string? NullableString(string name) => Field(name) is { } value ? StringOrNull(name, value) : throw Missing(name);

    /// <summary>Text that may be left out as well as null (a field older journals did not have).</summary>
    public string? OptionalString(string name) => Field(name) is { } value ? StringOrNull(name, value) : null;

    public bool Bool(string name) => Required(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        var other => throw Wrong(name, Describe(other), "true or false"),
    };

    public long Int64(string name) => WholeNumber(name, Required(name));

    /// <summary>A number that may be left out as well as null.</summary>
    public long? OptionalInt64(string name) => Field(name) is { ValueKind: not JsonValueKind.Null } value ? WholeNumber(name, value) : null;

    public int Int32(string name)
    {
        var number = Int64(name);
        return number is >= int.MinValue and <= int.MaxValue ? (int)number : throw Wrong(name, $"{number}", "a 32-bit number");
    }

    public uint UInt32(string name)
    {
        var number = Int64(name);
        return number is >= 0 and <= uint.MaxValue ? (uint)number : throw Wrong(name, $"{number}", "a number from 0 to 4294967295");
    }

    public DateTimeOffset Time(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time) ? time : throw Wrong(name, Describe(value), "a date and time (ISO 8601)");
    }

    /// <summary>A value written as text (<c>"fd00:20::2/64"</c>, <c>"0640"</c>), made by <paramref name="parse"/>.</summary>
    public T Text<T>(string name, Func<string, T> parse) where T : struct => NullableText(name, parse) ?? throw Wrong(name, "null", "text");

    public T? NullableText<T>(string name, Func<string, T> parse) where T : struct
    {
        if (NullableString(name) is not { } text)
        {
            return null;
        }

        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new JsonException($"{What}: '{text}' in {name} is not valid: {e.Message}", e);
        }
    }

    /// <summary>A value of one of the named choices, in any case (older journals wrote them in lower case).</summary>
    public T Choice<T>(string name, IReadOnlyList<(string Name, T Value)> choices)
    {
        var text = String(name);
        foreach (var (choice, value) in choices)
        {
            if (string.Equals(choice, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw Wrong(name, $"'{text}'", string.Join(" or ", choices.Select(c => c.Name)));
    }

    public ImmutableArray<string> Strings(string name) => List(name, (item, index) =>
        item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Wrong($"{name}[{index}]", Describe(item), "text"));

    /// <summary>A list of objects, each read by <paramref name="readItem"/>.</summary>
    public ImmutableArray<T> Objects<T>(string name, Func<JournalObject, T> readItem) =>
        List(name, (item, index) => Read(new JournalObject(item, this, name, index), readItem));

    public T Object<T>(string name, Func<JournalObject, T> read) where T : class => NullableObject(name, read) ?? throw Wrong(name, "null", "an object");

    public T? NullableObject<T>(string name, Func<JournalObject, T> read) where T : class =>
        Required(name) is { ValueKind: not JsonValueKind.Null } value ? Read(new JournalObject(value, this, name, -1), read) : null;

    /// <summary>An object that may be left out as well as null.</summary>
    public T? OptionalObject<T>(string name, Func<JournalObject, T> read) where T : class =>
        Field(name) is { ValueKind: not JsonValueKind.Null } value ? Read(new JournalObject(value, this, name, -1), read) : null;

    /// <summary>Reads an object whole with <paramref name="read"/> and refuses any field it did not read.</summary>
    public static T Read<T>(JournalObject value, Func<JournalObject, T> read)
    {
        var result = read(value);
        value.End();
        return result;
    }

    /// <summary>Refuses the object when it holds a field that was not read: one Sixgill does not know, or one given twice.</summary>
    private void End()
    {
        var seen = 0;
        foreach (var property in element.EnumerateObject())
        {
            seen++;
            if (!WasRead(property))
            {
                throw new JsonException($"{What} has a field {property.Name} that Sixgill does not know");
            }
        }

        if (seen != readNames.Count)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var twice = element.EnumerateObject().First(property => !names.Add(property.Name)).Name;
            throw new JsonException($"{What} gives {twice} twice");
        }
    }

    private bool WasRead(JsonProperty property)
    {
        foreach (var readName in readNames)
        {
            if (property.NameEquals(readName))
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<T> List<T>(string name, Func<JsonElement, int, T> item)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(name, Describe(value), "a list");
        }

        var items = ImmutableArray.CreateBuilder<T>(value.GetArrayLength());
        var index = 0;
        foreach (var each in value.EnumerateArray())
        {
            items.Add(item(each, index++));
        }

        return items.MoveToImmutable();
    }

    private JsonElement? Field(string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (!readNames.Contains(name))
        {
            readNames.Add(name);
        }

        return value;
    }

    private JsonElement Required(string name) => Field(name) ?? throw Missing(name);

    private long WholeNumber(string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw Wrong(name, Describe(value), "a whole number");

    private string? StringOrNull(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw Wrong(name, Describe(value), "text"),
    };

    private JsonException Missing(string name) => new($"{What} lacks {name}");

    private JsonException Wrong(string name, string found, string expected) => new($"{What}: {name} is {found}, not {expected}");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{value.GetString()}'",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "a list",
        _ => "an object",
    };
}
