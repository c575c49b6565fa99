using System.Globalization;
using System.Text.Json.Serialization;
using Sixgill.Fleet;
using Sixgill.Json;
using Sixgill.Verify;

namespace Sixgill.Lab;

/// <summary>One phase of <c>lab demo</c>: how long it took, each node's run, and what went wrong outside them.</summary>
internal sealed record DemoPhase(string Name, TimeSpan Elapsed, IReadOnlyList<NodeRun> Nodes, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0 && Nodes.All(n => n.Succeeded);
}

/// <summary>One check of <c>sixgill verify</c> as run from a node during the demo.</summary>
internal sealed record DemoCheck(string Node, string Name, string Outcome, string Detail, string? Hop, string? Hint)
{
    public const string Passed = "passed";
    public const string Failed = "failed";

    [JsonIgnore]
    public bool HasFailed => Outcome == Failed;
}

/// <summary>
/// What <c>lab demo</c> found: phases with timings, every check from every verifying node. Passed only
/// when every phase succeeded, no check failed and the mode's way out was proven on every verifying
/// node (<see cref="VerifyProof"/>): a demo whose checks all skipped proves nothing and fails.
/// </summary>
internal sealed record DemoReport(string Lab, string ConfigSource, IReadOnlyList<DemoPhase> Phases, IReadOnlyList<DemoCheck> Checks, TimeSpan Elapsed, bool Kept)
{
    public bool Passed => Phases.All(p => p.Succeeded) && Checks.Count > 0 && !Checks.Any(c => c.HasFailed) && Claims.Count > 0;

    /// <summary>What the passed checks prove, over every verifying node.</summary>
    public IReadOnlyList<string> Claims => VerifyProof.Claims(Outcomes);

    private List<(string Node, string Name, CheckOutcome Outcome)> Outcomes =>
        [.. Checks.Select(c => (c.Node, c.Name, c.Outcome switch { DemoCheck.Passed => CheckOutcome.Passed, DemoCheck.Failed => CheckOutcome.Failed, _ => CheckOutcome.Skipped }))];

    /// <summary>The closing sentence: what was proven, by whom; or that nothing was.</summary>
    public string Proof()
    {
        var claims = Claims;
        var subject = claims.Contains(VerifyProof.Nat64Claim) ? "IPv6-only nodes" : "the nodes";
        return VerifyProof.Sentence(subject, claims, Outcomes);
    }

    public void WriteText(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"lab demo: lab '{Lab}' from {ConfigSource}");
        output.WriteLine();
        output.WriteLine("phase     time      nodes");
        foreach (var phase in Phases)
        {
            var nodes = string.Join("  ", phase.Nodes.Select(n => $"{n.Node} {(n.Succeeded ? "ok" : $"FAILED (exit {Number(n.ExitCode)})")} {Seconds(n.Elapsed)}"));
            output.WriteLine($"{phase.Name,-9} {Seconds(phase.Elapsed),-9} {nodes}".TrimEnd());
        }

        output.WriteLine($"{"total",-9} {Seconds(Elapsed)}");
        output.WriteLine();
        WriteChecks(output);
        WriteFailures(output);
        output.WriteLine();
        var failed = Checks.Count(c => c.HasFailed);
        var passed = Checks.Count(c => c.Outcome == DemoCheck.Passed);
        var counts = $"{Number(passed)} checks passed, {Number(failed)} failed, {Number(Checks.Count - passed - failed)} skipped";
        var failedPhases = Phases.Where(p => !p.Succeeded).Select(p => p.Name + " failed").ToList();
        output.WriteLine(failedPhases.Count > 0 ? $"{counts}; {string.Join(", ", failedPhases)}"
            : Checks.Count == 0 ? $"{counts}; no check ran"
            : $"{counts}: {Proof()}");
        if (Kept)
        {
            output.WriteLine($"the lab is still up: 'sudo sixgill lab status{RunningLab.NameArgument(Lab)}', 'sudo sixgill lab exec NODE{RunningLab.NameArgument(Lab)} -- CMD…', 'sudo sixgill lab down{RunningLab.NameArgument(Lab)}'");
        }
    }

    public string ToJson() => ReadableJson.Serialize(DemoJson.From(this), DemoJsonContext.Default.DemoJson);

    private void WriteChecks(TextWriter output)
    {
        if (Checks.Count == 0)
        {
            output.WriteLine("no checks ran");
            return;
        }

        var nodeWidth = Math.Max(4, Checks.Max(c => c.Node.Length));
        var nameWidth = Math.Max(5, Checks.Max(c => c.Name.Length));
        output.WriteLine($"{"node".PadRight(nodeWidth)}  {"check".PadRight(nameWidth)}  result  detail");
        foreach (var check in Checks)
        {
            var result = check.Outcome switch
            {
                DemoCheck.Passed => "ok",
                DemoCheck.Failed => "FAIL",
                _ => "skip",
            };
            output.WriteLine($"{check.Node.PadRight(nodeWidth)}  {check.Name.PadRight(nameWidth)}  {result,-6}  {check.Detail}");
            var indent = new string(' ', nodeWidth + nameWidth + 12);
            if (check.HasFailed && check.Hop is not null)
            {
                output.WriteLine($"{indent}hop: {check.Hop}");
            }

            if (check.HasFailed && check.Hint is not null)
            {
                output.WriteLine($"{indent}fix: {check.Hint}");
            }
        }
    }

    /// <summary>The end of what each failed run said, so the table alone tells why.</summary>
    private void WriteFailures(TextWriter output)
    {
        foreach (var phase in Phases)
        {
            // What a failed run said on stderr (verify's failures are in the checks above, on stdout).
            foreach (var run in phase.Nodes.Where(n => !n.Succeeded && n.StandardError.Trim().Length > 0))
            {
                output.WriteLine();
                output.WriteLine($"{phase.Name} on {run.Node} failed (exit {Number(run.ExitCode)}):");
                foreach (var line in Tail(run.StandardError, 8))
                {
                    output.WriteLine("  " + line);
                }
            }

            foreach (var problem in phase.Problems)
            {
                output.WriteLine();
                output.WriteLine($"{phase.Name}: {problem}");
            }
        }
    }

    internal static IEnumerable<string> Tail(string text, int lines) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines);

    internal static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
