namespace Sixgill.Config.Syntax;

/// <summary>The shapes of the kubeadm join secrets. Messages built from these never echo the values.</summary>
internal static class SecretSyntax
{
    private const string HashScheme = "sha256:";

    /// <summary>kubeadm's bootstrap token: <c>^[a-z0-9]{6}\.[a-z0-9]{16}$</c>.</summary>
    public static bool IsBootstrapToken(string text) =>
        text.Length == 23 && text[6] == '.' && text.Remove(6, 1).All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));

    /// <summary>
    /// The CA cert hash as 64 lower-case hex digits, or null when it is not one. kubeadm prints and takes
    /// it as <c>sha256:&lt;hex&gt;</c>, so that prefix is accepted and dropped; the join step adds it back.
    /// </summary>
    public static string? NormalizeCertHash(string text)
    {
        var hex = text.StartsWith(HashScheme, StringComparison.OrdinalIgnoreCase) ? text[HashScheme.Length..] : text;
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex.ToLowerInvariant() : null;
    }
}
