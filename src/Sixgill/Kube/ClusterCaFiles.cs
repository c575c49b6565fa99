namespace Sixgill.Kube;

/// <summary>Where the cluster CA lives: <c>init</c> makes it in Sixgill's directory, <c>up</c> copies it to kubeadm's.</summary>
internal static class ClusterCaFiles
{
    public const string Directory = "/etc/sixgill/pki";

    public const string Certificate = Directory + "/ca.crt";

    /// <summary>Mode 0600: the CA's private key.</summary>
    public const string Key = Directory + "/ca.key";

    /// <summary>kubeadm signs with a CA it finds here instead of making its own.</summary>
    public const string KubernetesCertificate = "/etc/kubernetes/pki/ca.crt";

    public const string KubernetesKey = "/etc/kubernetes/pki/ca.key";
}
