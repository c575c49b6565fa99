using System.Collections.Immutable;

namespace Sixgill.Config;

// Placeholder until the validation branch lands; replaced wholesale by it.
internal sealed record LoadResult(Cluster? Cluster, ImmutableArray<Diagnostic> Diagnostics, string FileName)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

internal static class ConfigLoader
{
    public static LoadResult LoadFile(string path)
    {
        var diagnostics = new List<Diagnostic>();
        ConfigReader.Read(path, File.ReadAllText(path), diagnostics);
        return new LoadResult(null, [.. diagnostics], path);
    }

    public static Diagnostic? CheckHost(Cluster cluster, string host) =>
        cluster.FindNode(host) is null ? new Diagnostic(DiagnosticCodes.UnknownHost, Severity.Error, SourcePosition.Start, host) : null;
}
