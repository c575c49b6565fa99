using System.Text.Json.Serialization;
using Sixgill.Config;

namespace Sixgill.Cli;

/// <summary>One diagnostic in JSON: the same in validate's report and in every error document.</summary>
internal sealed record DiagnosticDto(string Code, string Severity, string File, int Line, int Column, string Message, string? Hint)
{
    public static DiagnosticDto From(Diagnostic d, string file)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Code, d.IsError ? "error" : "warning", file, d.Position.Line, d.Position.Column, d.ShownMessage, d.ShownHint);
    }
}

internal sealed record ValidateReport(
    string File,
    bool Valid,
    int? Nodes,
    string? Mode,
    int Errors,
    int Warnings,
    IReadOnlyList<DiagnosticDto> Diagnostics);

/// <summary>
/// The one error document of every command (<c>-o json</c>): what went wrong, the fix, the exit
/// code, and the config's diagnostics when the config was the cause.
/// </summary>
internal sealed record ErrorReport(string Error, string? Hint, int ExitCode, IReadOnlyList<DiagnosticDto> Diagnostics);

/// <summary>Source-generated JSON (NativeAOT has no reflection serializer).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ValidateReport))]
[JsonSerializable(typeof(ErrorReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
