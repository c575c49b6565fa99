using Renci.SshNet;
using Renci.SshNet.Common;

namespace Sixgill.Ssh;

/// <summary>A private key to log in with, loaded from its file (decrypted with its passphrase when it has one).</summary>
internal sealed class SshKey
{
    private SshKey(string path, PrivateKeyFile file)
    {
        Path = path;
        File = file;
    }

    public string Path { get; }

    public PrivateKeyFile File { get; }

    /// <summary>The keys ssh offers by default, in its order, under <c>~/.ssh</c>.</summary>
    private static readonly string[] DefaultNames = ["id_ed25519", "id_ecdsa", "id_rsa"];

    public static IReadOnlyList<string> DefaultFiles(string home) =>
        [.. DefaultNames.Select(name => System.IO.Path.Combine(home, ".ssh", name))];

    /// <summary>
    /// Loads the key at <paramref name="path"/>. A key with a passphrase is decrypted with what
    /// <paramref name="askPassphrase"/> returns; when it returns null (no terminal to ask on) the
    /// key cannot be used and <see cref="SshKeyException"/> says so.
    /// </summary>
    public static SshKey Load(string path, Func<string, string?> askPassphrase)
    {
        ArgumentNullException.ThrowIfNull(askPassphrase);
        try
        {
            return new SshKey(path, new PrivateKeyFile(path));
        }
        catch (SshPassPhraseNullOrEmptyException)
        {
            var passphrase = askPassphrase(path)
                ?? throw new SshKeyException($"the SSH key {path} is protected by a passphrase and there is no terminal to ask for it",
                    "run on a terminal, or give a key without a passphrase with --ssh-key FILE (for example one made for this lab with 'ssh-keygen -t ed25519 -N \"\" -f FILE')");
            try
            {
                return new SshKey(path, new PrivateKeyFile(path, passphrase));
            }
            catch (SshException e)
            {
                throw new SshKeyException($"cannot decrypt the SSH key {path}: {e.Message} (wrong passphrase?)", "run again and type the key's passphrase");
            }
        }
        catch (Exception e) when (e is SshException or InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
        {
            throw new SshKeyException($"cannot read the SSH key {path}: {e.Message}", "give an OpenSSH private key (ed25519, ecdsa or rsa) with --ssh-key FILE");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SshKeyException($"cannot read the SSH key {path}: {e.Message}", "check the file's path and that this user may read it");
        }
    }
}

/// <summary>A key that cannot be used; nothing has been contacted yet.</summary>
internal sealed class SshKeyException : Exception
{
    public SshKeyException(string message, string fix)
        : base(message)
    {
        Fix = fix;
    }

    public SshKeyException()
    {
        Fix = "";
    }

    public SshKeyException(string message)
        : base(message)
    {
        Fix = "";
    }

    public SshKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Fix = "";
    }

    public string Fix { get; }
}
