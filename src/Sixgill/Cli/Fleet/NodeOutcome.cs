using System.Text.Json;
using Sixgill.Fleet;
using Sixgill.Ssh;

namespace Sixgill.Cli.Fleet;

/// <summary>
/// One node's line in the summary: how its run ended, how many changes its own report counts, the
/// files sent to it, and its error lines. Read from the JSON document the node's sixgill printed.
/// </summary>
internal sealed record NodeOutcome(
    string Node,
    string Target,
    string Result,
    int ExitCode,
    string Changes,
    TimeSpan Elapsed,
    IReadOnlyList<string> Sent,
    string? NotStarted,
    IReadOnlyList<string> Errors,
    JsonElement? Report)
{
    public bool Succeeded => ExitCode is 0 or 10 && NotStarted is null;

    public static NodeOutcome Of(NodeRun run, NodeConnection? connection)
    {
        ArgumentNullException.ThrowIfNull(run);
        var report = Parse(run.StandardOutput);
        var refused = connection?.Failure is not null;
        var result = run.NotStarted is { } why ? $"not started: {why}"
            : refused ? "refused"
            : run.ExitCode switch
            {
                0 => "ok",
                10 => "changes pending",
                130 => "interrupted",
                3 => "precondition",
                2 => "bad input",
                _ => "failed",
            };
        var errors = run.Succeeded || run.NotStarted is not null ? [] : ErrorLines(run.StandardError);
        return new NodeOutcome(run.Node, connection?.Target.ToString() ?? "", result, run.ExitCode, report is { } r ? CountChanges(r) : "",
            run.Elapsed + (connection?.Elapsed ?? TimeSpan.Zero), connection?.Sent ?? [], run.NotStarted, errors, report);
    }

    /// <summary>The lines a person needs from a failed node's stderr: sixgill's own error and fix lines, else its last lines.</summary>
    internal static IReadOnlyList<string> ErrorLines(string standardError)
    {
        var lines = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[0].StartsWith('@'))
        {
            return lines; // OpenSSH's warning, whole
        }

        var own = lines.Where(l => l.StartsWith("sixgill:", StringComparison.Ordinal) || l.StartsWith("  fix:", StringComparison.Ordinal)
            || l.StartsWith("node ", StringComparison.Ordinal)).ToList();
        return own.Count > 0 ? own : lines.TakeLast(5).ToList();
    }

    /// <summary>What the node's report counts: applied steps, reverted undos, pending plan lines, or passed checks.</summary>
    internal static string CountChanges(JsonElement report)
    {
        if (report.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        if (report.TryGetProperty("applied", out var applied) && applied.ValueKind == JsonValueKind.Number)
        {
            return $"{applied.GetInt32()} applied";
        }

        if (report.TryGetProperty("undone", out var undone) && undone.ValueKind == JsonValueKind.Array)
        {
            return $"{undone.EnumerateArray().Count(u => Text(u, "status") == "reverted")} undone";
        }

        if (report.TryGetProperty("changesPending", out _) && report.TryGetProperty("steps", out var steps))
        {
            return $"{steps.EnumerateArray().Count(s => Text(s, "symbol") is not ("=" or null))} pending";
        }

        if (report.TryGetProperty("checks", out var checks) && checks.ValueKind == JsonValueKind.Array)
        {
            var all = checks.EnumerateArray().ToList();
            return $"{all.Count(c => Text(c, "outcome") is "passed" or "ok" or "pass")}/{all.Count} checks passed";
        }

        return "";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? Parse(string output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(output);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
