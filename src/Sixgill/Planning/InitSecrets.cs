using System.Security.Cryptography;
using System.Text;
using Sixgill.Kube;
using Sixgill.Machine;
using Sixgill.Steps;

namespace Sixgill.Planning;

/// <summary>
/// The bootstrap token and the cluster CA <c>init</c> writes (docs/steps.md): the ones already there, or new
/// ones. Every text form is masked (the token by <see cref="BootstrapToken"/>, the PEM files by
/// <see cref="FileBody"/>), so printing this record leaks nothing.
/// </summary>
/// <param name="CertHash">SHA-256 of the CA's SubjectPublicKeyInfo: <c>general.token_cert_hash</c>.</param>
internal sealed record InitSecrets(BootstrapToken Token, FileBody Certificate, FileBody PrivateKey, string CertHash, bool NewCa, bool NewToken)
{
    /// <summary>
    /// Keeps a CA that is there (both files, byte for byte) and a well-formed token in the config, unless
    /// <paramref name="force"/>; otherwise makes new ones (the one impure part of init: a clock and the
    /// RNG). Throws <see cref="PreconditionFailedException"/> for half a CA or one that cannot be used.
    /// </summary>
    public static InitSecrets Choose(byte[]? certificate, byte[]? privateKey, string? configuredToken, bool force, DateTimeOffset now)
    {
        BootstrapToken? kept = null;
        var newToken = force || !BootstrapToken.TryParse(configuredToken, out kept);
        var token = newToken ? BootstrapToken.Generate() : kept!;
        if (!force && (certificate is not null || privateKey is not null))
        {
            if (certificate is null || privateKey is null)
            {
                throw new PreconditionFailedException($"only one of {ClusterCaFiles.Certificate} and {ClusterCaFiles.Key} exists: "
                    + "put the other back, or run `sixgill init --force` for a new CA (every node must then be prepared again)");
            }

            try
            {
                using var existing = ClusterCa.Load(Encoding.UTF8.GetString(certificate), Encoding.UTF8.GetString(privateKey));
                return new InitSecrets(token, new FileBody(certificate), new FileBody(privateKey), existing.CertHash, NewCa: false, newToken);
            }
            catch (CryptographicException e)
            {
                throw new PreconditionFailedException($"the CA in {ClusterCaFiles.Directory} cannot be used ({e.Message}): "
                    + "repair it, or run `sixgill init --force` for a new CA (every node must then be prepared again)", e);
            }
        }

        using var ca = ClusterCa.Create(now);
        return new InitSecrets(token, FileBody.FromText(ca.ExportCertificatePem() + "\n"), FileBody.FromText(ca.ExportPrivateKeyPem() + "\n"),
            ca.CertHash, NewCa: true, newToken);
    }
}
