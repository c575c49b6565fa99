namespace Sixgill.Testing;

/// <summary>
/// The one guard of tests that need something of the machine (root, a program, a kernel feature).
/// Where it is missing the test is skipped with the reason, except in CI (<c>CI=true</c>, which
/// <c>.ci/run</c> sets), where it fails naming what is missing: a CI run can never look green by
/// testing nothing. Linked into both test projects.
/// </summary>
internal static class Guard
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, in CI, fails) when <paramref name="missing"/> is not empty.</summary>
    /// <param name="needs">Who needs it, e.g. "lab tests".</param>
    public static void Require(string needs, IReadOnlyCollection<string> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        if (missing.Count == 0)
        {
            return;
        }

        var message = $"{needs} need {string.Join(", ", missing)}";
        if (IsCi)
        {
            Assert.Fail(message + " — CI=true, so this fails instead of skipping");
        }

        Assert.Skip(message);
    }

    /// <summary>The same for one condition: skips (or fails in CI) unless it holds.</summary>
    public static void Require(bool condition, string needs, string what) => Require(needs, condition ? [] : [what]);
}

/// <summary>
/// Per-test time limits (milliseconds) for tests that run real processes or labs: a hang fails the
/// one test instead of stalling the run. Generous on purpose: a limit, not a speed assertion.
/// </summary>
internal static class TestTimeouts
{
    /// <summary>A test that starts a few short programs.</summary>
    public const int Process = 60_000;

    /// <summary>A test that builds or drives a lab (a cold docker image build included).</summary>
    public const int Lab = 1_200_000;
}
