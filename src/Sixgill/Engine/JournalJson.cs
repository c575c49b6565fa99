using System.Text.Json.Serialization;

namespace Sixgill.Engine;

/// <summary>
/// Source-generated JSON for the journal (NativeAOT has no reflection-based serializer): one value a
/// line (<see cref="JournalLog"/>). Addresses, prefixes and modes are written as people write them,
/// so the journal reads like a log. Strict on
/// reading (unknown or missing fields fail): half-understood undo data must stop clean, not guide it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(IpJsonConverter), typeof(PrefixJsonConverter), typeof(InterfaceAddressJsonConverter), typeof(UnixFileModeJsonConverter)])]
[JsonSerializable(typeof(JournalDocument))]
[JsonSerializable(typeof(JournalChange))]
internal sealed partial class JournalJson : JsonSerializerContext;
