using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sixgill.Fleet;

/// <summary>One node in <c>--all --output json</c>: its outcome and, when it ran, its own JSON report.</summary>
internal sealed record FleetNodeJson(
    string Node,
    string Target,
    string Result,
    int ExitCode,
    string Changes,
    double Seconds,
    IReadOnlyList<string> Sent,
    string? NotStarted,
    IReadOnlyList<string> Errors,
    JsonElement? Report);

/// <summary><c>sixgill COMMAND --all --output json</c>: every node in one document.</summary>
internal sealed record FleetJson(string Command, string Result, int ExitCode, double Seconds, IReadOnlyList<FleetNodeJson> Nodes, IReadOnlyList<string> Notes);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FleetJson))]
internal sealed partial class FleetJsonContext : JsonSerializerContext;
