using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sixgill.Json;

/// <summary>
/// JSON as people and scripts read it, for every command's <c>--output json</c>: indented, <c>\n</c>
/// line ends, <c>+</c>, <c>'</c> and <c>&lt;</c> left as they are (hints quote commands; it is never
/// for HTML), through a source-generated type (NativeAOT).
/// </summary>
internal static class ReadableJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value, JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
