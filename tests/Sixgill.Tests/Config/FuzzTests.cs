using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Sixgill.Tests.Cli;

namespace Sixgill.Tests.Config;

/// <summary>
/// Thousands of seeded mutations of the examples through the real command line (<c>validate</c>,
/// in-process): exit 0 or 2 only; every error line has a position inside the file; never a stack
/// trace, an internal error or a raw control character; each case in bounded memory (bytes
/// allocated) and without hanging. <c>SIXGILL_FUZZ_SEED</c> and <c>SIXGILL_FUZZ_CASES</c> explore further.
/// </summary>
public sealed partial class FuzzTests
{
    private const int DefaultCases = 3000;

    /// <summary>Per case: far above any real config's cost, far below a runaway's.</summary>
    private const long MaxAllocatedBytes = 512L << 20;

    /// <summary>A hang guard, not a speed measure: a case that takes this long is stuck.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(20);

    [Fact]
    public void Mutated_examples_give_exit_0_or_2_with_positioned_one_line_diagnostics_and_nothing_else()
    {
        var seed = Number("SIXGILL_FUZZ_SEED") ?? 13;
        var cases = Number("SIXGILL_FUZZ_CASES") ?? DefaultCases;
        var examples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var mutator = new ConfigMutator(seed);
        var path = CliRun.TempConfig("");
        var exits = new Dictionary<int, int>();
        try
        {
            for (var n = 0; n < cases; n++)
            {
                var (text, applied) = mutator.Mutate(examples[n % examples.Count]);
                File.WriteAllText(path, text);
                var context = $"seed {seed}, case {n}: {applied}";

                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                var run = CliRun.Of("validate", "-c", path);
                clock.Elapsed.ShouldBeLessThan(Stuck, context);
                (GC.GetAllocatedBytesForCurrentThread() - allocated).ShouldBeLessThan(MaxAllocatedBytes, context);

                Check(run, path, text, context);
                exits[run.ExitCode] = exits.GetValueOrDefault(run.ExitCode) + 1;
            }
        }
        finally
        {
            File.Delete(path);
        }

        string.Join(",", exits.Keys.Order()).ShouldBe("0,2", "both outcomes are reached: " + string.Join(", ", exits.Select(e => $"exit {e.Key} x{e.Value}")));
    }

    private static void Check(CliRun run, string path, string text, string context)
    {
        run.ExitCode.ShouldBeOneOf([0, 2], $"{context}\n{run.Error}");
        var all = run.Out + run.Error;
        all.ShouldNotContain("internal error", Case.Sensitive, context);
        all.ShouldNotContain("   at ", Case.Sensitive, context);
        all.Any(c => char.IsControl(c) && c != '\n').ShouldBeFalse($"{context}: a raw control character reached the output");
        var lineCount = text.Count(c => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029') + 2; // YAML breaks lines at each of these
        foreach (var line in run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith(path + ": ", StringComparison.Ordinal) && SummaryLine().IsMatch(line[(path.Length + 2)..]))
            {
                continue;
            }

            var match = DiagnosticLine().Match(line);
            match.Success.ShouldBeTrue($"{context}: not a positioned diagnostic: {line}");
            match.Groups["file"].Value.ShouldBe(path, context);
            int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture).ShouldBeInRange(1, lineCount, $"{context}: {line}");
            line.Length.ShouldBeLessThan(2600, context);
        }
    }

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"^(?<file>.+):(?<line>\d+):(?<column>\d+): (error|warning) SG\d{3}: \S")]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"^\d+ errors?, \d+ warnings?$")]
    private static partial Regex SummaryLine();
}
