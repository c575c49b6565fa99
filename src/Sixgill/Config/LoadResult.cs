using System.Collections.Immutable;

namespace Sixgill.Config;

/// <summary>
/// What loading a config file gives: every diagnostic (sorted by position, then code) and, only when none
/// of them is an error, the typed cluster. <paramref name="FileName"/> is the name diagnostics are shown with.
/// </summary>
internal sealed record LoadResult(Cluster? Cluster, ImmutableArray<Diagnostic> Diagnostics, string FileName)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    /// <summary>Each diagnostic as <c>file:line:col: error CODE: message (hint)</c>.</summary>
    public IEnumerable<string> Lines => Diagnostics.Select(d => d.Format(FileName));
}
