using System.Text;
using Sixgill.Engine;
using Sixgill.Json;

namespace Sixgill.Cli.Change;

/// <summary>Prints what an undo did (<c>clean</c>, <c>down</c>), as text or JSON, masked; says when there was no journal.</summary>
internal static class UndoOutput
{
    public static void Write(Invocation invocation, OutputMask mask, ChangeVerb verb, string node, UndoReport report, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(mask);
        var text = invocation.Json ? Json(verb, node, report, warnings) : Text(verb, node, report);
        invocation.Out.Write(mask.Apply(text));
    }

    public static string Text(ChangeVerb verb, string node, UndoReport report)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var reverted = report.Results.Count(r => r.Outcome?.Status == Steps.UndoStatus.Reverted);
        var source = !report.FromJournal ? "found by probing the node (no journal)"
            : report.Mistrust is { } why ? $"from the journal and by probing the node ({why})"
            : "from the journal";
        text.Append(report.Results.IsEmpty
            ? $"{verb.Name} on {node}: nothing to undo{(report.FromJournal ? "" : " (no journal, and the probes found nothing of Sixgill's)")}\n"
            : $"{verb.Name} on {node}: {ChangeFormatting.Count(reverted, "change")} undone, {source}{(report.Succeeded ? "" : "; SOME FAILED")}\n");
        foreach (var result in report.Results)
        {
            text.Append(ChangeFormatting.Line(result)).Append(result.ByProbe && report.FromJournal ? " [not in the journal: found by probing]\n" : "\n");
        }

        return text.ToString();
    }

    public static string Json(ChangeVerb verb, string node, UndoReport report, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(report);
        var document = new UndoRunJson(
            verb.Name,
            node,
            report.Succeeded ? "done" : "failed",
            report.FromJournal,
            [.. report.Results.Select(ChangeFormatting.Json)],
            [.. warnings, .. report.Mistrust is { } why ? [$"{why}: the probes of this config undid what it does not record"] : Array.Empty<string>()]);
        return ReadableJson.Serialize(document, ChangeJsonContext.Default.UndoRunJson);
    }
}
