using System.Globalization;
using Sixgill.Json;

namespace Sixgill.Verify;

/// <summary>What <c>verify</c> found on one node: every check in order, with timings.</summary>
internal sealed record VerifyReport(string Node, string Mode, string Name, IReadOnlyList<CheckResult> Checks, TimeSpan Elapsed)
{
    /// <summary>True when no check failed and the mode's way out was proven (a run whose checks all skipped proves nothing).</summary>
    public bool Passed => Checks.All(c => c.Outcome != CheckOutcome.Failed) && Claims.Count > 0;

    /// <summary>What the passed checks prove (<see cref="VerifyProof"/>).</summary>
    public IReadOnlyList<string> Claims => VerifyProof.Claims(Outcomes);

    private List<(string Node, string Name, CheckOutcome Outcome)> Outcomes => [.. Checks.Select(c => (Node, c.Name, c.Outcome))];

    public int Count(CheckOutcome outcome) => Checks.Count(c => c.Outcome == outcome);

    /// <summary>The first failed check: where the path broke.</summary>
    public CheckResult? FirstFailure => Checks.FirstOrDefault(c => c.Outcome == CheckOutcome.Failed);

    public void WriteText(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"verify on {Node} (mode {Mode}), name {Name}");
        var width = Checks.Max(c => c.Name.Length);
        foreach (var check in Checks)
        {
            var mark = check.Outcome switch
            {
                CheckOutcome.Passed => "ok  ",
                CheckOutcome.Failed => "FAIL",
                _ => "skip",
            };
            output.WriteLine($"  {mark}  {check.Name.PadRight(width)}  {Milliseconds(check.Elapsed),7}  {check.Title}");
            output.WriteLine($"        {new string(' ', width)}           {check.Detail}");
            if (check.Hop is not null)
            {
                output.WriteLine($"        {new string(' ', width)}           hop: {check.Hop}");
            }

            if (check.Hint is not null)
            {
                output.WriteLine($"        {new string(' ', width)}           fix: {check.Hint}");
            }
        }

        var summary = $"{Count(CheckOutcome.Passed)} passed, {Count(CheckOutcome.Failed)} failed, {Count(CheckOutcome.Skipped)} skipped in {Milliseconds(Elapsed)}";
        output.WriteLine(FirstFailure is { } failure ? $"{summary}: broken at {failure.Hop}" : $"{summary}: {VerifyProof.Sentence(Node, Claims, Outcomes)}");
    }

    public string ToJson() => ReadableJson.Serialize(VerifyJson.From(this), VerifyJsonContext.Default.VerifyJson);


    private static string Milliseconds(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
