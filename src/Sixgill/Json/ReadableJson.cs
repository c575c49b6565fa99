using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sixgill.Json;

/// <summary>
/// JSON as people and scripts read it, for every command's <c>--output json</c>: indented, <c>\n</c>
/// line ends, <c>+</c>, <c>'</c> and <c>&lt;</c> left as they are (hints quote commands; it is never
/// for HTML), through a source-generated type (NativeAOT). Every document starts with
/// <c>"schemaVersion"</c> (<see cref="SchemaVersion"/>): docs/json.md is the contract.
/// </summary>
internal static class ReadableJson
{
    /// <summary>
    /// The version of every document's shape. It goes up when a field is removed, renamed or changes
    /// meaning; new fields may appear without it changing.
    /// </summary>
    public const int SchemaVersion = 1;

    public const string SchemaVersionField = "schemaVersion";

    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document of <paramref name="value"/> (a JSON object), <c>schemaVersion</c> first, ending in a newline.</summary>
    public static string Serialize<T>(T value, JsonTypeInfo<T> type)
    {
        var element = JsonSerializer.SerializeToElement(value, type);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            WriteSchemaVersion(writer);
            foreach (var property in element.EnumerateObject().Where(p => p.Name != SchemaVersionField))
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>For documents written field by field (explain streams its nodes): the first field.</summary>
    public static void WriteSchemaVersion(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(SchemaVersionField, SchemaVersion);
    }
}
