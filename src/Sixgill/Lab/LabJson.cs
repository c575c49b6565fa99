using System.Text.Json.Serialization;

namespace Sixgill.Lab;

/// <summary>Source-generated JSON for the lab's state and reports (NativeAOT has no reflection serializer).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LabState))]
[JsonSerializable(typeof(LabStatus))]
[JsonSerializable(typeof(LabStatusList))]
[JsonSerializable(typeof(LabList))]
[JsonSerializable(typeof(LabDownJson))]
internal sealed partial class LabJsonContext : JsonSerializerContext;
