using System.Text;
using Sixgill.Engine;
using Sixgill.Json;

namespace Sixgill.Cli.Change;

/// <summary>Prints what a run did (<c>prepare</c>, <c>up</c>): each step, the failure and the rollback, as text or JSON, masked.</summary>
internal static class RunOutput
{
    public static void Write(Invocation invocation, OutputMask mask, ChangeVerb verb, string node, RunReport report, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(mask);
        var text = invocation.Json ? Json(verb, node, report, warnings) : Text(verb, node, report);
        invocation.Out.Write(mask.Apply(text));
    }

    public static string Text(ChangeVerb verb, string node, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var already = report.Steps.Count(s => !s.Applied);
        text.Append(report.Succeeded
            ? $"{verb.Name} on {node}: {report.AppliedCount} applied, {already} already so\n"
            : $"{verb.Name} on {node}: FAILED, rolled back\n");
        foreach (var step in report.Steps)
        {
            text.Append($"{Symbol(step)} {step.Description}\n");
        }

        if (report.Failure is { } failure)
        {
            text.Append($"! {failure.Description}: {failure.Message}\n");
            foreach (var undo in report.RolledBack)
            {
                text.Append(ChangeFormatting.Line(undo)).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Json(ChangeVerb verb, string node, RunReport report, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(report);
        var document = new RunJson(
            verb.Name,
            node,
            report.Succeeded ? "done" : "failed",
            report.AppliedCount,
            [.. report.Steps.Select(s => new RunStepJson(Symbol(s).ToString(), s.StepId, s.Description, s.Applied, s.Probe.Detail))],
            report.Failure is { } f ? new FailureJson(f.StepId, f.Description, f.Message) : null,
            [.. report.RolledBack.Select(ChangeFormatting.Json)],
            [.. report.Interrupted.Select(e => e.Description)],
            [.. warnings]);
        return ReadableJson.Serialize(document, ChangeJsonContext.Default.RunJson);
    }

    /// <summary>What the step was found as (<c>+</c>, <c>~</c>) when it was applied; <c>=</c> when it was already so.</summary>
    private static char Symbol(StepOutcome step) => step.Applied ? PlanLine.SymbolOf(step.Probe.State) : '=';
}
