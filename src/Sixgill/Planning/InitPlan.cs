using System.Collections.Immutable;
using System.Text;
using Sixgill.Kube;
using Sixgill.Steps;

namespace Sixgill.Planning;

/// <summary>
/// The steps of <c>init</c> on the master (docs/steps.md): the CA key (0600) and certificate in
/// <c>/etc/sixgill/pki</c>, then the config file with <c>token</c> and <c>token_cert_hash</c> set in
/// place (every other byte kept). The config is replaced as a whole file, so the engine keeps a backup
/// under the state directory and can put it back; its owner stays, and its mode too, less any access
/// for other users: it now holds the token (never world-readable or writable).
/// </summary>
/// <param name="ConfigModeBefore">The config file's mode as found.</param>
/// <param name="ConfigMode">The mode it gets: as found, without the bits for other users.</param>
internal sealed record InitPlan(ImmutableArray<Step> Steps, InitSecrets Secrets, string ConfigPath, UnixFileMode ConfigModeBefore, UnixFileMode ConfigMode)
{
    public const string Command = "init";

    private const UnixFileMode Public = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode Others = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether init takes other users' access to the config away (it was world-readable or writable).</summary>
    public bool ConfigMadePrivate => ConfigModeBefore != ConfigMode;

    /// <summary>
    /// The plan for the config at <paramref name="configPath"/> (absolute) whose bytes and mode are given.
    /// Throws <see cref="FormatException"/> for a file that is not UTF-8 and <see cref="NotSupportedException"/>
    /// for settings written in a form the in-place editor does not rewrite (the message says the fix).
    /// </summary>
    public static InitPlan For(string configPath, byte[] configBytes, UnixFileMode configMode, InitSecrets secrets)
    {
        ArgumentException.ThrowIfNullOrEmpty(configPath);
        ArgumentNullException.ThrowIfNull(configBytes);
        ArgumentNullException.ThrowIfNull(secrets);
        if (!Path.IsPathFullyQualified(configPath))
        {
            throw new ArgumentException($"'{configPath}' is not an absolute path", nameof(configPath));
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(configBytes);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException($"{configPath} is not UTF-8 text, so Sixgill cannot edit it in place");
        }

        var edited = ConfigFileEditor.SetToken(text, secrets.Token.Value, secrets.CertHash);
        var mode = configMode & ~Others;
        return new InitPlan(
        [
            new EnsureFile(ClusterCaFiles.Key, secrets.PrivateKey, Private),
            new EnsureFile(ClusterCaFiles.Certificate, secrets.Certificate, Public),
            new EnsureFile(configPath, new FileBody(StrictUtf8.GetBytes(edited)), mode),
        ], secrets, configPath, configMode, mode);
    }
}
