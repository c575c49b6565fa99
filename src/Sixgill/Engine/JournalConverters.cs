using System.Text.Json;
using System.Text.Json.Serialization;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Engine;

/// <summary>Base for journal values written as one string (<c>"fd00:20::2/64"</c>, <c>"0600"</c>).</summary>
internal abstract class TextJsonConverter<T> : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException($"expected a {typeof(T).Name} as text");
        try
        {
            return Parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new JsonException($"'{text}' is not a {typeof(T).Name}: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }

    protected abstract T Parse(string text);

    protected abstract string Format(T value);
}

internal sealed class IpJsonConverter : TextJsonConverter<Ip>
{
    protected override Ip Parse(string text) => Ip.Parse(text);

    protected override string Format(Ip value) => value.ToString();
}

internal sealed class PrefixJsonConverter : TextJsonConverter<Prefix>
{
    protected override Prefix Parse(string text) => Prefix.Parse(text);

    protected override string Format(Prefix value) => value.ToString();
}

internal sealed class InterfaceAddressJsonConverter : TextJsonConverter<InterfaceAddress>
{
    protected override InterfaceAddress Parse(string text) => InterfaceAddress.Parse(text);

    protected override string Format(InterfaceAddress value) => value.ToString();
}

internal sealed class UnixFileModeJsonConverter : TextJsonConverter<UnixFileMode>
{
    protected override UnixFileMode Parse(string text) => (UnixFileMode)Convert.ToInt32(text, 8);

    protected override string Format(UnixFileMode value) => Steps.FileModes.Octal(value);
}
