using System.Globalization;
using System.Text;
using Sixgill.Fleet;
using Sixgill.Json;

namespace Sixgill.Cli.Fleet;

/// <summary>The end of a fleet run on stdout: a table (node, result, changes, time) and the failing nodes' own error lines; or one JSON document.</summary>
internal static class FleetSummary
{
    public static void Write(Invocation invocation, string command, IReadOnlyList<NodeOutcome> outcomes, IReadOnlyList<string> notes, int exit, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(outcomes);
        var result = exit == ExitCodes.Done ? "done" : exit == ExitCodes.ChangesPending ? "changes pending" : "failed";
        if (invocation.Json)
        {
            var document = new FleetJson(command, result, exit, Seconds(elapsed), [.. outcomes.Select(o => new FleetNodeJson(
                o.Node, o.Target, o.Result, o.ExitCode, o.Changes, Seconds(o.Elapsed), o.Sent, o.NotStarted, o.Errors, o.Report))], notes);
            invocation.Out.Write(ReadableJson.Serialize(document, FleetJsonContext.Default.FleetJson));
            return;
        }

        invocation.Out.Write(Table(outcomes));
        foreach (var failed in outcomes.Where(o => o.Errors.Count > 0))
        {
            invocation.Out.WriteLine();
            invocation.Out.WriteLine($"{failed.Node}:");
            foreach (var line in failed.Errors)
            {
                invocation.Out.WriteLine("  " + line);
            }
        }

        foreach (var note in notes)
        {
            invocation.Out.WriteLine(note);
        }

        var ok = outcomes.Count(o => o.Succeeded);
        invocation.Out.WriteLine($"{command} --all: {result}, {ok.ToString(CultureInfo.InvariantCulture)} of {outcomes.Count.ToString(CultureInfo.InvariantCulture)} nodes ok in {Seconds(elapsed).ToString("0.0", CultureInfo.InvariantCulture)} s (exit {exit.ToString(CultureInfo.InvariantCulture)})");
    }

    internal static string Table(IReadOnlyList<NodeOutcome> outcomes)
    {
        string[] header = ["NODE", "RESULT", "CHANGES", "SENT", "TIME"];
        var rows = outcomes.Select(o => new[]
        {
            o.Node, o.Result, o.Changes, o.Sent.Count == 0 ? "-" : string.Join(",", o.Sent.Count > 2 ? [$"{o.Sent.Count.ToString(CultureInfo.InvariantCulture)} files"] : o.Sent),
            o.NotStarted is null ? Seconds(o.Elapsed).ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-",
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 2);
}
