using System.Collections.Immutable;
using System.Text;
using Sixgill.Values;

namespace Sixgill.Config;

/// <summary>
/// What loading a config file gives: every diagnostic (sorted by position, then code) and, only when none
/// of them is an error, the typed cluster. <paramref name="FileName"/> is the name diagnostics are shown with.
/// </summary>
internal sealed record LoadResult(Cluster? Cluster, ImmutableArray<Diagnostic> Diagnostics, string FileName)
{
    /// <summary>The text read; null when nothing could be read.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// A digest of the text read (<c>sha256:…</c>); the journal records it. Empty when nothing could be
    /// read. Computed when asked: only a changing command needs it, and the first SHA-256 loads OpenSSL.
    /// </summary>
    public string Digest => Text is null ? "" : DigestOf(Text);

    /// <summary><c>sha256:</c> and the hex SHA-256 of <paramref name="text"/> as UTF-8.</summary>
    public static string DigestOf(string text) => "sha256:" + Sha256.Hex(Encoding.UTF8.GetBytes(text ?? ""));

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    /// <summary>Each diagnostic as <c>file:line:col: error CODE: message (hint)</c>.</summary>
    public IEnumerable<string> Lines => Diagnostics.Select(d => d.Format(FileName));
}
