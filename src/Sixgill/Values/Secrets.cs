using System.Text.RegularExpressions;

namespace Sixgill.Values;

/// <summary>How secrets look in every output (docs/safety.md): never the secret, always recognisably masked.</summary>
internal static partial class Secrets
{
    /// <summary>Always this many stars, so that the mask gives away nothing about the secret's length.</summary>
    private const int MaskLength = 16;

    private static readonly string Stars = new('*', MaskLength);

    /// <summary>
    /// <c>abcdef.0123456789abcdef</c> → <c>abcdef.****************</c>. A kubeadm token's id (before
    /// the dot) is public, it names the token in <c>kubeadm token list</c>, so it stays readable; the
    /// secret half never does. Anything else is masked as a whole.
    /// </summary>
    public static string Mask(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return dot is 6 && token.Length > dot + 1 && IsTokenId(token.AsSpan(0, dot)) ? $"{token[..dot]}.{Stars}" : Stars;
    }

    /// <summary>
    /// <paramref name="text"/> with every bootstrap token in it masked: for output of other programs that
    /// Sixgill passes on (<c>kubeadm init</c> prints the join command, token included).
    /// </summary>
    public static string MaskTokensIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TokenPattern().Replace(text, match => Mask(match.Value));
    }

    [GeneratedRegex("(?<![a-z0-9])[a-z0-9]{6}\\.[a-z0-9]{16}(?![a-z0-9])")]
    private static partial Regex TokenPattern();

    // Only a well-formed id is shown: a malformed "token" may be a secret pasted into the wrong key.
    private static bool IsTokenId(ReadOnlySpan<char> id)
    {
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
