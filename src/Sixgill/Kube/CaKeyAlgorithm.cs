namespace Sixgill.Kube;

/// <summary>The key types kubeadm accepts for a cluster CA (docs/steps.md).</summary>
internal enum CaKeyAlgorithm
{
    /// <summary>ECDSA on P-256: small, fast to make, and accepted by every kubeadm Sixgill supports.</summary>
    EcdsaP256,

    /// <summary>RSA 2048: kubeadm's own default, for sites whose tooling expects RSA.</summary>
    Rsa2048,
}
