using System.Text;
using Sixgill.Engine;
using Sixgill.Json;
using Sixgill.Planning;

namespace Sixgill.Cli.Change;

/// <summary>Prints what a command would change (<c>plan</c>, <c>--dry-run</c>), as text or JSON, masked.</summary>
internal static class PlanOutput
{
    public static void Write(Invocation invocation, OutputMask mask, ChangeVerb verb, string node, NodePlan plan, PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(mask);
        var text = invocation.Json ? Json(verb, node, plan, report) : Text(verb, node, plan, report);
        invocation.Out.Write(mask.Apply(text));
    }

    public static string Text(ChangeVerb verb, string node, NodePlan plan, PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append($"plan: {verb.Name} on {node}\n");
        if (verb.Direction == ChangeDirection.Undo)
        {
            text.Append(report.FromJournal
                ? "from the journal, newest first:\n"
                : "no journal: these come from probing the node (a clean without a journal undoes what it finds)\n");
        }

        foreach (var line in report.Lines)
        {
            text.Append($"{line.Symbol} {line.Description}{(line.Detail is null ? "" : $"  ({line.Detail})")}\n");
        }

        foreach (var problem in plan.Problems)
        {
            text.Append($"! {problem}\n");
        }

        text.Append(Summary(report)).Append('\n');
        return text.ToString();
    }

    public static string Json(ChangeVerb verb, string node, NodePlan plan, PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(report);
        var document = new PlanJson(
            verb.Name,
            node,
            report.HasChanges,
            verb.Direction == ChangeDirection.Undo ? report.FromJournal : null,
            Unreadable(report),
            [.. report.Lines.Select(l => new PlanStepJson(l.Symbol.ToString(), ChangeFormatting.Change(l.Symbol), l.StepId, l.Description, l.Detail))],
            [.. plan.Problems],
            [.. plan.Warnings]);
        return ReadableJson.Serialize(document, ChangeJsonContext.Default.PlanJson);
    }

    public static int Unreadable(PlanReport report) => report.Lines.Count(l => l.Symbol == '?');

    private static string Summary(PlanReport report)
    {
        if (report.Lines.IsEmpty)
        {
            return "nothing to do";
        }

        int Of(char symbol) => report.Lines.Count(l => l.Symbol == symbol);
        var parts = new List<string>();
        foreach (var (symbol, words) in new[] { ('+', "to add"), ('~', "to change"), ('-', "to remove"), ('=', "already so"), ('?', "could not be read") })
        {
            if (Of(symbol) > 0)
            {
                parts.Add($"{Of(symbol)} {words}");
            }
        }

        return (report.HasChanges ? "" : "no changes: ") + string.Join(", ", parts);
    }
}
