using System.Security.Cryptography;
using Sixgill.Values;

namespace Sixgill.Kube;

/// <summary>
/// A kubeadm bootstrap token, <c>[a-z0-9]{6}.[a-z0-9]{16}</c>: a public id and a secret. The id names
/// the token in <c>kubeadm token list</c>; the secret is what lets a node join, so it never appears in
/// <see cref="ToString"/> (docs/safety.md) — only <see cref="Value"/> gives it, for the files that need it.
/// </summary>
internal sealed record BootstrapToken
{
    public const int IdLength = 6;

    public const int SecretLength = 16;

    // kubeadm's alphabet: lower-case letters and digits only.
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private BootstrapToken(string id, string secret)
    {
        Id = id;
        Secret = secret;
    }

    public string Id { get; }

    public string Secret { get; }

    /// <summary>The whole token, <c>id.secret</c>: for kubeadm's file and the config file only.</summary>
    public string Value => $"{Id}.{Secret}";

    /// <summary>
    /// A fresh token from the operating system's cryptographic RNG. <c>GetString</c> picks each
    /// character uniformly (it rejects out-of-range draws), so no character is likelier than another.
    /// </summary>
    public static BootstrapToken Generate() =>
        new(RandomNumberGenerator.GetString(Alphabet, IdLength), RandomNumberGenerator.GetString(Alphabet, SecretLength));

    public static bool TryParse(string? text, out BootstrapToken? token)
    {
        token = null;
        if (!IsWellFormed(text))
        {
            return false;
        }

        token = new BootstrapToken(text![..IdLength], text[(IdLength + 1)..]);
        return true;
    }

    /// <summary>True for exactly <c>^[a-z0-9]{6}\.[a-z0-9]{16}$</c>.</summary>
    public static bool IsWellFormed(string? text)
    {
        if (text is null || text.Length != IdLength + 1 + SecretLength || text[IdLength] != '.')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (i != IdLength && !char.IsAsciiLetterLower(text[i]) && !char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Masked, as in every output of Sixgill: <c>abcdef.****************</c>.</summary>
    public override string ToString() => Secrets.Mask(Value);
}
