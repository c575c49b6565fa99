using System.Text.Json.Serialization;
using Sixgill.Config;

namespace Sixgill.Cli;

internal sealed record DiagnosticDto(string Code, string Severity, int Line, int Column, string Message, string? Hint)
{
    public static DiagnosticDto From(Diagnostic d) =>
        new(d.Code, d.IsError ? "error" : "warning", d.Position.Line, d.Position.Column, d.ShownMessage, d.ShownHint);
}

internal sealed record ValidateReport(
    string File,
    bool Valid,
    int? Nodes,
    string? Mode,
    int Errors,
    int Warnings,
    IReadOnlyList<DiagnosticDto> Diagnostics);

internal sealed record ErrorReport(string Error, string? Hint, int ExitCode);

/// <summary>Source-generated JSON (NativeAOT has no reflection serializer).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ValidateReport))]
[JsonSerializable(typeof(ErrorReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
