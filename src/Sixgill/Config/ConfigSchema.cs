namespace Sixgill.Config;

/// <summary>The keys Sixgill knows, section by section, in canonical (<c>_</c>) spelling.</summary>
internal static class ConfigSchema
{
    public const string Topology = "topology";
    public const string General = "general";

    /// <summary>Scalar keys allowed at the top of the file (Orca's spelling of two general settings).</summary>
    public static readonly IReadOnlyList<string> TopLevelScalars = ["plugin", "token"];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Sections = new Dictionary<string, IReadOnlyList<string>>
    {
        [General] = ["plugin", "token", "token_cert_hash", "mode", "runtime", "kubernetes_version", "insecure", "cluster_domain"],
        ["support_net"] = ["cidr", "subnet", "size", "v4cidr"],
        ["mgmt_net"] = ["cidr", "subnet", "size", "cidr2"],
        ["pod_net"] = ["cidr", "prefix", "size", "node_size", "cidr2", "mtu"],
        ["service_net"] = ["cidr", "cidr2"],
        ["nat64"] = ["v4_cidr", "v4_ip", "ip", "image"],
        ["dns64"] = ["remote_server", "cidr", "prefix", "prefix_size", "ip", "allow_aaaa_use", "dnssec_validation", "image"],
    };

    public static readonly IReadOnlyList<string> NodeKeys = ["interface", "opmodes", "id", "ssh"];

    public static IEnumerable<string> TopLevelKeys => TopLevelScalars.Concat(Sections.Keys).Append(Topology);

    /// <summary><c>token-cert-hash</c> and <c>token_cert_hash</c> are the same key.</summary>
    public static string Canonical(string key) => key.Replace('-', '_');
}
