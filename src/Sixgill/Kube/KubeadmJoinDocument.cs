using Sixgill.Addressing;

namespace Sixgill.Kube;

/// <summary>A minion's one document for <c>kubeadm join --config</c>.</summary>
internal static class KubeadmJoinDocument
{
    public static WrittenYamlMap For(AddressPlan plan, NodeAddresses minion)
    {
        var cluster = plan.Cluster;
        var bootstrapToken = new WrittenYamlMap
        {
            { "apiServerEndpoint", WrittenYamlNode.Quoted(plan.ApiEndpoint.ToString()) },
            { "token", WrittenYamlNode.Quoted(cluster.EffectiveToken!) },
        };

        // insecure joins without pinning, even when a hash is at hand, so that a master that
        // made its own CA (no `init`) still lets minions in. Otherwise the CA must match the hash.
        if (cluster.Insecure)
        {
            bootstrapToken.Add("unsafeSkipCAVerification", true);
        }
        else
        {
            bootstrapToken.Add("caCertHashes", new WrittenYamlList { WrittenYamlNode.Quoted($"sha256:{cluster.TokenCertHash}") });
        }

        return new WrittenYamlMap
        {
            { "apiVersion", KubeadmConfig.KubeadmApiVersion },
            { "kind", "JoinConfiguration" },
            { "discovery", new WrittenYamlMap { { "bootstrapToken", bootstrapToken } } },
            { "nodeRegistration", KubeadmConfig.NodeRegistration(minion) },
        };
    }
}
