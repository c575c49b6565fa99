namespace Sixgill.Engine;

/// <summary>
/// Which node and which config a journal belongs to: the node's name in the topology and a digest of
/// the config file's text (<c>sha256:…</c>, see <c>LoadResult.Digest</c>). A journal of another node is refused; one of another
/// config, or one that does not say, is checked against the probes before it is believed.
/// </summary>
internal sealed record JournalIdentity(string Node, string Config)
{
    /// <summary>The first 12 hex digits, enough to tell two configs apart in a message.</summary>
    public static string Short(string digest) =>
        digest is { Length: > 19 } && digest.StartsWith("sha256:", StringComparison.Ordinal) ? digest[..19] : digest;
}
