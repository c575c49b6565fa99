using Sixgill.Config;

namespace Sixgill.Tests.Config;

internal static class LoadResultAssertions
{
    /// <summary>The config breaks exactly one rule: this error, at this place, and no other error.</summary>
    public static Diagnostic ShouldFailOnlyWith(this LoadResult result, string code, SourcePosition at)
    {
        var errors = result.Errors.ToList();
        errors.Select(e => e.Code).ShouldBe([code], Describe(result));
        errors[0].Position.ShouldBe(at, Describe(result));
        result.Cluster.ShouldBeNull();
        return errors[0];
    }

    /// <summary>This error is among the findings, at this place.</summary>
    public static Diagnostic ShouldReport(this LoadResult result, string code, SourcePosition at)
    {
        var found = result.Diagnostics.Where(d => d.Code == code).ToList();
        found.ShouldNotBeEmpty(Describe(result));
        found.Select(d => d.Position).ShouldContain(at, Describe(result));
        return found.First(d => d.Position == at);
    }

    /// <summary>Only warnings, each of these codes in order; the cluster is built.</summary>
    public static void ShouldPassWith(this LoadResult result, params string[] warnings)
    {
        result.Diagnostics.Select(d => d.Code).ShouldBe(warnings, Describe(result));
        result.HasErrors.ShouldBeFalse();
        result.Cluster.ShouldNotBeNull();
    }

    public static void ShouldPass(this LoadResult result) => result.ShouldPassWith();

    private static string Describe(LoadResult result) =>
        "diagnostics:\n" + string.Join('\n', result.Lines);
}
