using Renci.SshNet;

namespace Sixgill.Ssh;

/// <summary>
/// The ciphers this machine offers a node's SSH server: AES-GCM first. It encrypts and
/// authenticates in one pass with the machine's AES and GHASH instructions (through .NET's
/// <c>AesGcm</c>), where SSH.NET's first choice, AES-CTR, adds an HMAC-SHA2 pass. Sending the
/// program (25 MB) took about 20 % less of this machine's CPU that way; OpenSSH has offered
/// <c>aes128-gcm@openssh.com</c> since 6.2.
/// </summary>
internal static class Ciphers
{
    /// <summary>Asked for first, in this order; SSH.NET's others follow in its order.</summary>
    public static readonly IReadOnlyList<string> Preferred = ["aes128-gcm@openssh.com", "aes256-gcm@openssh.com"];

    public static void Arrange<T>(IOrderedDictionary<string, T> offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        KeyExchanges.PutFirst(offered, Preferred);
    }
}
