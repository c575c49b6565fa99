using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sixgill.Kube;

/// <summary>
/// The cluster's certificate authority that <c>init</c> makes (docs/steps.md): self-signed,
/// <c>CN=kubernetes</c> as kubeadm names its own, valid ten years. <c>up</c> copies it to
/// <c>/etc/kubernetes/pki/ca.{crt,key}</c>, so kubeadm signs with it instead of making its own, and
/// minions pin it by <see cref="CertHash"/>. Works on PEM text only; the engine writes the files.
/// </summary>
/// <remarks>The private key leaves this type only through <see cref="ExportPrivateKeyPem"/>: there is no
/// property a logger or a debugger display could print it through.</remarks>
internal sealed class ClusterCa : IDisposable
{
    public const string CommonName = "kubernetes";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3650);

    // Machines whose clocks run a little behind the master's still accept the CA at once.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly X509Certificate2 certificate;

    private ClusterCa(X509Certificate2 certificate)
    {
        this.certificate = certificate;
        CertHash = CertHashOf(certificate);
    }

    /// <summary>Hex SHA-256 of the CA's SubjectPublicKeyInfo: kubeadm's <c>--discovery-token-ca-cert-hash</c> without <c>sha256:</c>.</summary>
    public string CertHash { get; }

    public DateTimeOffset NotBefore => certificate.NotBefore;

    public DateTimeOffset NotAfter => certificate.NotAfter;

    public string Subject => certificate.Subject;

    /// <summary>A new CA valid from <paramref name="now"/> (less a few minutes of clock skew) for ten years.</summary>
    /// <param name="now">The caller's clock: this type reads none, so tests can fix the dates.</param>
    public static ClusterCa Create(DateTimeOffset now, CaKeyAlgorithm algorithm = CaKeyAlgorithm.EcdsaP256)
    {
        var subject = new X500DistinguishedName($"CN={CommonName}");
        var notBefore = now - ClockSkew;
        var notAfter = now + Lifetime;
        var serial = NewSerialNumber();

        if (algorithm == CaKeyAlgorithm.Rsa2048)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            AddCaExtensions(request);
            using var signed = request.Create(subject, X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1), notBefore, notAfter, serial);
            return new ClusterCa(signed.CopyWithPrivateKey(rsa));
        }

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ecRequest = new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256);
        AddCaExtensions(ecRequest);
        using var ecSigned = ecRequest.Create(subject, X509SignatureGenerator.CreateForECDsa(ecdsa), notBefore, notAfter, serial);
        return new ClusterCa(ecSigned.CopyWithPrivateKey(ecdsa));
    }

    /// <summary>
    /// An existing CA from its PEM certificate and PEM private key (PKCS#8, or the PKCS#1/SEC1 forms
    /// kubeadm writes). Throws <see cref="CryptographicException"/> when the key does not belong to the
    /// certificate or the certificate is not a CA; the message never contains key material.
    /// </summary>
    public static ClusterCa Load(string certificatePem, string privateKeyPem)
    {
        ArgumentNullException.ThrowIfNull(certificatePem);
        ArgumentNullException.ThrowIfNull(privateKeyPem);

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem, privateKeyPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // The inner message may quote PEM text: say what is wrong without it.
            throw new CryptographicException("the CA certificate and key are not a matching PEM pair (unreadable PEM, or the key of another certificate)");
        }

        if (certificate.Extensions[Oids.BasicConstraints] is not X509BasicConstraintsExtension { CertificateAuthority: true })
        {
            certificate.Dispose();
            throw new CryptographicException("the certificate is not a certificate authority (no basicConstraints CA:TRUE)");
        }

        return new ClusterCa(certificate);
    }

    /// <summary>The hash kubeadm pins for a CA certificate given as PEM.</summary>
    public static string CertHashOf(string certificatePem)
    {
        using var certificate = X509Certificate2.CreateFromPem(certificatePem);
        return CertHashOf(certificate);
    }

    public string ExportCertificatePem() => certificate.ExportCertificatePem();

    /// <summary>The private key as PEM PKCS#8 (<c>-----BEGIN PRIVATE KEY-----</c>), which kubeadm reads. A secret: file mode 0600.</summary>
    public string ExportPrivateKeyPem()
    {
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()
            ?? throw new CryptographicException("the CA has no private key");
        return key.ExportPkcs8PrivateKeyPem();
    }

    public void Dispose() => certificate.Dispose();

    public override string ToString() => $"{Subject} (sha256:{CertHash})";

    private static string CertHashOf(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    private static void AddCaExtensions(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));

        // Certificates kubeadm signs with this CA take their authority key identifier from it.
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
    }

    // 128 random bits, positive and without a leading zero byte: RFC 5280 wants a positive serial of at
    // most 20 octets, and Go's x509 parser (kubeadm's) rejects negative ones.
    private static byte[] NewSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7f) | 0x40);
        return serial;
    }

    private static class Oids
    {
        public const string BasicConstraints = "2.5.29.19";
    }
}
