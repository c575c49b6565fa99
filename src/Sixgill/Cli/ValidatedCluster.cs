using Sixgill.Config;

namespace Sixgill.Cli;

/// <summary>
/// The one way commands get a <see cref="Cluster"/>: load and validate the file, show its
/// diagnostics on stderr, and stop with exit 2 when it has errors.
/// </summary>
internal static class ValidatedCluster
{
    public static Cluster Load(Invocation invocation, bool requireHost = false) =>
        Check(invocation, ConfigLoader.LoadFile(invocation.ConfigPath), requireHost);

    /// <summary>The same for a config already loaded (e.g. from text built into the binary).</summary>
    public static Cluster Check(Invocation invocation, LoadResult result, bool requireHost = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var diagnostics = WithHostCheck(result, invocation, requireHost);
        Report(invocation, result.FileName, diagnostics);
        var errors = diagnostics.Count(d => d.IsError);
        if (errors > 0 || result.Cluster is null)
        {
            throw new SixgillException(ExitCodes.BadInput,
                $"{result.FileName}: {Plural(errors, "error")}; nothing was changed", "fix the lines above, then run again")
            {
                Diagnostics = [.. diagnostics.Select(d => DiagnosticDto.From(d, result.FileName))],
            };
        }

        return result.Cluster;
    }

    /// <summary>The file's diagnostics, plus SG070 when <c>--host</c> (or this hostname) is not in the topology.</summary>
    public static IReadOnlyList<Diagnostic> WithHostCheck(LoadResult result, Invocation invocation, bool requireHost)
    {
        if (result.Cluster is null || (!requireHost && invocation.Host is null))
        {
            return result.Diagnostics;
        }

        var host = ConfigLoader.CheckHost(result.Cluster, invocation.NodeName);
        return host is null ? result.Diagnostics : [.. result.Diagnostics, host];
    }

    /// <summary>
    /// Every error and warning on stderr, whatever the output format; <c>--quiet</c> hides the
    /// warnings that are not about security (<see cref="DiagnosticCodes.IsSecurity"/>: those always show).
    /// </summary>
    public static void Report(Invocation invocation, string fileName, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.IsError || !invocation.Quiet || DiagnosticCodes.IsSecurity(diagnostic.Code))
            {
                invocation.Error.WriteLine(diagnostic.Format(fileName));
            }
        }
    }

    public static string Plural(int count, string word) => count == 1 ? $"1 {word}" : $"{count} {word}s";
}
