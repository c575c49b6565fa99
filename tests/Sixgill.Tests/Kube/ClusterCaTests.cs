using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sixgill.Kube;

namespace Sixgill.Tests.Kube;

public sealed class ClusterCaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_cert_hash_is_what_openssl_computes_from_the_public_key(bool rsa)
    {
        using var ca = ClusterCa.Create(Now, rsa ? CaKeyAlgorithm.Rsa2048 : CaKeyAlgorithm.EcdsaP256);

        ca.CertHash.ShouldMatch("^[0-9a-f]{64}$");
        ca.CertHash.ShouldBe(OpensslPublicKeyHash(ca.ExportCertificatePem()));
        ClusterCa.CertHashOf(ca.ExportCertificatePem()).ShouldBe(ca.CertHash);
    }

    [Theory]
    [InlineData(false, "ECC")]
    [InlineData(true, "RSA")]
    public void The_ca_is_self_signed_for_ten_years_with_kubeadms_name(bool rsaKey, string keyAlgorithm)
    {
        var algorithm = rsaKey ? CaKeyAlgorithm.Rsa2048 : CaKeyAlgorithm.EcdsaP256;
        using var ca = ClusterCa.Create(Now, algorithm);
        using var cert = X509Certificate2.CreateFromPem(ca.ExportCertificatePem());

        cert.Subject.ShouldBe("CN=kubernetes");
        cert.Issuer.ShouldBe("CN=kubernetes");
        cert.NotBefore.ToUniversalTime().ShouldBe(Now.UtcDateTime.AddMinutes(-5));
        cert.NotAfter.ToUniversalTime().ShouldBe(Now.UtcDateTime.AddDays(3650));
        cert.PublicKey.Oid.FriendlyName.ShouldBe(keyAlgorithm);
        if (algorithm == CaKeyAlgorithm.Rsa2048)
        {
            using var rsa = cert.GetRSAPublicKey()!;
            rsa.KeySize.ShouldBe(2048);
        }

        var constraints = cert.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        constraints.CertificateAuthority.ShouldBeTrue();
        constraints.Critical.ShouldBeTrue();
        var usage = cert.Extensions.OfType<X509KeyUsageExtension>().Single();
        usage.KeyUsages.ShouldBe(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature);
        cert.Extensions.OfType<X509SubjectKeyIdentifierExtension>().ShouldHaveSingleItem();
        // Big-endian: a positive 16-byte serial without a redundant leading zero (Go rejects negative ones).
        cert.SerialNumberBytes.Length.ShouldBe(16);
        cert.SerialNumberBytes.Span[0].ShouldBeInRange((byte)0x40, (byte)0x7f);
    }

    [Fact]
    public void Openssl_verifies_the_ca_as_its_own_trust_anchor()
    {
        using var ca = ClusterCa.Create(DateTimeOffset.UtcNow);
        using var directory = new TempDirectory("sixgill-test-ca-");
        var path = directory.Combine("ca.crt");
        File.WriteAllText(path, ca.ExportCertificatePem());

        var (code, output) = Run("openssl", "verify", "-CAfile", path, "-x509_strict", path);

        output.ShouldContain(": OK");
        code.ShouldBe(0);
    }

    [Fact]
    public void The_key_is_pkcs8_pem_and_loads_back_with_its_certificate()
    {
        using var ca = ClusterCa.Create(Now);
        var certPem = ca.ExportCertificatePem();
        var keyPem = ca.ExportPrivateKeyPem();

        keyPem.ShouldStartWith("-----BEGIN PRIVATE KEY-----");
        using var loaded = ClusterCa.Load(certPem, keyPem);
        loaded.CertHash.ShouldBe(ca.CertHash);
        loaded.ExportCertificatePem().ShouldBe(certPem);
        loaded.ExportPrivateKeyPem().ShouldBe(keyPem);
    }

    [Fact]
    public void A_key_in_the_forms_kubeadm_writes_loads_too()
    {
        using var ca = ClusterCa.Create(Now, CaKeyAlgorithm.Rsa2048);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(ca.ExportPrivateKeyPem());

        using var loaded = ClusterCa.Load(ca.ExportCertificatePem(), rsa.ExportRSAPrivateKeyPem());

        loaded.CertHash.ShouldBe(ca.CertHash);
    }

    [Fact]
    public void The_key_of_another_ca_is_refused_without_quoting_it()
    {
        using var ca = ClusterCa.Create(Now);
        using var other = ClusterCa.Create(Now);
        var otherKey = other.ExportPrivateKeyPem();

        var error = Should.Throw<CryptographicException>(() => ClusterCa.Load(ca.ExportCertificatePem(), otherKey));

        error.Message.ShouldContain("not a matching");
        error.Message.ShouldNotContain("PRIVATE KEY");
    }

    [Fact]
    public void A_certificate_that_is_not_a_ca_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=leaf", key, HashAlgorithmName.SHA256);
        using var leaf = request.CreateSelfSigned(Now, Now.AddDays(1));

        var error = Should.Throw<CryptographicException>(() => ClusterCa.Load(leaf.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem()));

        error.Message.ShouldContain("not a certificate authority");
    }

    [Fact]
    public void ToString_names_the_ca_and_never_its_key()
    {
        using var ca = ClusterCa.Create(Now);

        ca.ToString().ShouldBe($"CN=kubernetes (sha256:{ca.CertHash})");
    }

    [Fact]
    public void Two_cas_have_different_keys_and_serials()
    {
        using var a = ClusterCa.Create(Now);
        using var b = ClusterCa.Create(Now);
        using var ca = X509Certificate2.CreateFromPem(a.ExportCertificatePem());
        using var cb = X509Certificate2.CreateFromPem(b.ExportCertificatePem());

        a.CertHash.ShouldNotBe(b.CertHash);
        ca.SerialNumber.ShouldNotBe(cb.SerialNumber);
    }

    // The recipe of kubeadm's documentation for --discovery-token-ca-cert-hash.
    private static string OpensslPublicKeyHash(string certificatePem)
    {
        using var directory = new TempDirectory("sixgill-test-ca-");
        var path = directory.Combine("ca.crt");
        File.WriteAllText(path, certificatePem);
        var (code, output) = Run("sh", "-c",
            "openssl x509 -pubkey -noout -in \"$1\" | openssl pkey -pubin -outform der | sha256sum", "sh", path);
        code.ShouldBe(0, output);
        return output.Split(' ')[0];
    }

    private static (int Code, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
