using Renci.SshNet;

namespace Sixgill.Ssh;

/// <summary>
/// The key exchange methods this machine offers a node's SSH server, in order of preference.
/// By default the ones that are cheap to compute come first; <c>--ssh-kex</c> names others.
/// </summary>
/// <remarks>
/// SSH.NET computes the exchange in managed code. Its <c>sntrup761x25519</c> key generation (the
/// post-quantum default of OpenSSH 8.5–9.8, and the first SSH.NET offers after ML-KEM) costs about
/// 55 ms of CPU per connection: most of what this machine spends on a node when nothing is sent.
/// <c>mlkem768x25519-sha256</c> (post-quantum too, OpenSSH 9.9 and later) and <c>curve25519-sha256</c>
/// cost well under a millisecond, so they are asked for first.
/// </remarks>
internal static class KeyExchanges
{
    /// <summary>Asked for first, in this order, when <c>--ssh-kex</c> is not given.</summary>
    public static readonly IReadOnlyList<string> Preferred = ["mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org"];

    /// <summary>Every method SSH.NET can compute, in its own order.</summary>
    public static IReadOnlyList<string> Supported() =>
        [.. new ConnectionInfo("localhost", "root", new NoneAuthenticationMethod("root")).KeyExchangeAlgorithms.Keys];

    /// <summary>
    /// Parses <c>--ssh-kex</c>: method names separated by commas, in order of preference. Null when a
    /// name is not one SSH.NET can compute (or the list is empty).
    /// </summary>
    public static IReadOnlyList<string>? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var supported = Supported();
        return names.Length > 0 && names.All(supported.Contains) ? names.Distinct(StringComparer.Ordinal).ToArray() : null;
    }

    /// <summary>
    /// Puts the methods of a connection in order: only <paramref name="wanted"/>, in its order, when
    /// it names any; otherwise <see cref="Preferred"/> first and the others after, in SSH.NET's order.
    /// </summary>
    public static void Arrange<T>(IOrderedDictionary<string, T> offered, IReadOnlyList<string> wanted)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(wanted);
        var first = wanted.Count > 0 ? wanted : Preferred;
        if (wanted.Count > 0)
        {
            foreach (var name in offered.Keys.Where(name => !wanted.Contains(name)).ToList())
            {
                offered.Remove(name, out _);
            }
        }

        PutFirst(offered, first);
    }

    /// <summary>Moves those of <paramref name="names"/> that <paramref name="offered"/> holds to its front, in their order; the others keep theirs.</summary>
    internal static void PutFirst<T>(IOrderedDictionary<string, T> offered, IReadOnlyList<string> names)
    {
        var position = 0;
        foreach (var name in names)
        {
            if (offered.ContainsKey(name))
            {
                offered.SetPosition(name, position++);
            }
        }
    }
}
