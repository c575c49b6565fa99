using Sixgill.Addressing;

namespace Sixgill.Kube;

/// <summary>A minion's one document for <c>kubeadm join --config</c>.</summary>
internal static class KubeadmJoinDocument
{
    public static YamlMap For(AddressPlan plan, NodeAddresses minion)
    {
        var cluster = plan.Cluster;
        var bootstrapToken = new YamlMap
        {
            { "apiServerEndpoint", YamlNode.Quoted(plan.ApiEndpoint.ToString()) },
            { "token", YamlNode.Quoted(cluster.EffectiveToken!) },
        };

        // SPEC §5.1: insecure joins without pinning, even when a hash is at hand, so that a master that
        // made its own CA (no `init`) still lets minions in. Otherwise the CA must match the hash.
        if (cluster.Insecure)
        {
            bootstrapToken.Add("unsafeSkipCAVerification", true);
        }
        else
        {
            bootstrapToken.Add("caCertHashes", new YamlList { YamlNode.Quoted($"sha256:{cluster.TokenCertHash}") });
        }

        return new YamlMap
        {
            { "apiVersion", KubeadmConfig.KubeadmApiVersion },
            { "kind", "JoinConfiguration" },
            { "discovery", new YamlMap { { "bootstrapToken", bootstrapToken } } },
            { "nodeRegistration", KubeadmConfig.NodeRegistration(minion) },
        };
    }
}
