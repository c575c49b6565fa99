using System.Text.Json.Serialization;

namespace Sixgill.Verify;

/// <summary>The shape of <c>verify --output json</c>; field order is declaration order, so output is stable.</summary>
/// <param name="Proven">What the passed checks prove, in words (empty: no way out was proven).</param>
internal sealed record VerifyJson(string Node, string Mode, string Name, bool Passed, int PassedCount, int FailedCount, int SkippedCount,
    double ElapsedMs, string? BrokenHop, IReadOnlyList<string> Proven, IReadOnlyList<VerifyCheckJson> Checks)
{
    public static VerifyJson From(VerifyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new VerifyJson(report.Node, report.Mode, report.Name, report.Passed,
            report.Count(CheckOutcome.Passed), report.Count(CheckOutcome.Failed), report.Count(CheckOutcome.Skipped),
            Math.Round(report.Elapsed.TotalMilliseconds, 1), report.FirstFailure?.Hop, report.Claims,
            [.. report.Checks.Select(c => new VerifyCheckJson(c.Name, c.Title, Outcome(c.Outcome), c.Detail, c.Hop, c.Hint, Math.Round(c.Elapsed.TotalMilliseconds, 1)))]);
    }

    private static string Outcome(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed => "passed",
        CheckOutcome.Failed => "failed",
        _ => "skipped",
    };
}

internal sealed record VerifyCheckJson(string Name, string Title, string Outcome, string Detail, string? Hop, string? Hint, double ElapsedMs);

/// <summary>Source-generated JSON (NativeAOT has no reflection serializer).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VerifyJson))]
internal sealed partial class VerifyJsonContext : JsonSerializerContext;
