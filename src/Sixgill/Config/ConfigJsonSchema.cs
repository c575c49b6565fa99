using System.Text.Json.Nodes;

namespace Sixgill.Config;

/// <summary>
/// A JSON Schema (draft 2020-12) of the config file for editors (<c>sixgill schema</c>): every key of
/// <see cref="ConfigSchema"/>, in Orca's form and the CIDR form, with the words of every choice
/// from <see cref="ConfigSpellings"/>. Editors check types and names with it; the meaning (networks that
/// overlap, a node id too large) stays with <c>sixgill validate</c>.
/// </summary>
internal static class ConfigJsonSchema
{

    private const string Cidr = "an address and a prefix length, like fd00:20::/64 or 10.192.0.0/16";

    /// <summary>The value every key takes, by section and key (<c>""</c> is the top level, <c>"node"</c> a topology entry).</summary>
    private static readonly Dictionary<string, Func<JsonObject>> Keys = new(StringComparer.Ordinal)
    {
        ["plugin"] = () => Choice(ConfigSpellings.Plugins.Select(p => p.Word), "the CNI plugin (Orca's spelling of general.plugin)"),
        ["token"] = () => Text("the kubeadm bootstrap token (Orca's spelling of general.token)"),
        ["general.plugin"] = () => Choice(ConfigSpellings.Plugins.Select(p => p.Word), "the CNI plugin up writes"),
        ["general.token"] = () => Text("the kubeadm bootstrap token: 6 and 16 lower-case letters or digits, 'abcdef.0123456789abcdef'; 'sixgill init' writes it"),
        ["general.token_cert_hash"] = () => Pattern("^(sha256:)?[0-9a-fA-F]{64}$", "SHA-256 of the CA's public key, 64 hex digits; 'sixgill init' writes it"),
        ["general.mode"] = () => Choice(ConfigSpellings.Modes.Select(m => m.Word), "the address families of the cluster (default ipv6)"),
        ["general.runtime"] = () => Choice(ConfigSpellings.Runtimes.Select(r => r.Word), "how DNS64/NAT64 run on the gateway: daemons, or docker containers (default native)"),
        ["general.kubernetes_version"] = () => Pattern("^v[0-9]+\\.[0-9]+\\.[0-9]+$", "passed to kubeadm, like v1.31.2"),
        ["general.insecure"] = () => Flag("join without CA pinning (lab only)"),
        ["general.cluster_domain"] = () => Text("the cluster's DNS domain (default cluster.local)"),
        ["node.interface"] = () => Text("the node's management interface, like eth1"),
        ["node.opmodes"] = () => Pattern($"^\\s*({Opmodes})(\\s+({Opmodes}))*\\s*$", "space-separated: master, minion, dns64, nat64"),
        ["node.id"] = () => Integer(1, null, "unique; the node's management address is the network + id"),
        ["node.ssh"] = () => Text("[user@]host[:port], where --all reaches the node"),
        ["support_net.cidr"] = () => Text("the DNS64/NAT64 services' IPv6 network: " + Cidr),
        ["support_net.subnet"] = () => Text("Orca's form of cidr: the network address (with size)"),
        ["support_net.size"] = () => Integer(0, 128, "Orca's form of cidr: the prefix length (with subnet)"),
        ["support_net.v4cidr"] = () => Text("the IPv4 side of the support network; holds the NAT64 pool"),
        ["mgmt_net.cidr"] = () => Text("the nodes' management network: " + Cidr),
        ["mgmt_net.subnet"] = () => Text("Orca's form of cidr: the network address (with size)"),
        ["mgmt_net.size"] = () => Integer(0, 128, "Orca's form of cidr: the prefix length (with subnet)"),
        ["mgmt_net.cidr2"] = () => Text("dual-stack: the management network of the other family"),
        ["pod_net.cidr"] = () => Text("the whole pod network: " + Cidr),
        ["pod_net.prefix"] = () => Text("Orca's form: the top bits of the pod network, like fd00:40:0:0 (with size)"),
        ["pod_net.size"] = () => Integer(0, 128, "Orca's form: each node's pod subnet length (with prefix)"),
        ["pod_net.node_size"] = () => Integer(0, 128, "prefix length of each node's pod subnet"),
        ["pod_net.cidr2"] = () => Text("dual-stack: the pod network of the other family"),
        ["pod_net.mtu"] = () => Integer(1280, 65535, "the MTU written into the CNI config"),
        ["service_net.cidr"] = () => Text("the service network: " + Cidr),
        ["service_net.cidr2"] = () => Text("dual-stack: the service network of the other family"),
        ["nat64.v4_cidr"] = () => Text("the NAT64 pool, inside support_net.v4cidr"),
        ["nat64.v4_ip"] = () => Text("NAT64's own IPv4 address"),
        ["nat64.ip"] = () => Text("NAT64's IPv6 address, inside support_net"),
        ["nat64.image"] = () => Text("docker runtime: the NAT64 image"),
        ["dns64.remote_server"] = () => Text("the DNS server the DNS64 server forwards to"),
        ["dns64.cidr"] = () => Text("the DNS64/NAT64 prefix: length 32, 40, 48, 56, 64 or 96"),
        ["dns64.prefix"] = () => Text("Orca's form of cidr: the prefix's address (with prefix_size)"),
        ["dns64.prefix_size"] = () => Integer(32, 96, "Orca's form of cidr: the prefix length (with prefix)"),
        ["dns64.ip"] = () => Text("the DNS64 server's address, inside support_net"),
        ["dns64.allow_aaaa_use"] = () => Flag("use real AAAA records where there are some (default false: synthesize for every name)"),
        ["dns64.dnssec_validation"] = () => Choice(ConfigSpellings.DnssecModes.Select(d => d.Word), "passed to the DNS server; closed labs need no"),
        ["dns64.image"] = () => Text("docker runtime: the DNS64 image"),
    };

    /// <summary>The two spellings of one network, Orca's and the CIDR form: one of them, never both.</summary>
    private static readonly Dictionary<string, (string Cidr, string[] Orca)> Forms = new(StringComparer.Ordinal)
    {
        ["support_net"] = ("cidr", ["subnet", "size"]),
        ["mgmt_net"] = ("cidr", ["subnet", "size"]),
        ["pod_net"] = ("cidr", ["prefix", "size"]),
        ["dns64"] = ("cidr", ["prefix", "prefix_size"]),
    };

    private static string Opmodes => string.Join('|', ConfigSpellings.Opmodes.Select(o => o.Word));

    /// <summary>Every key path the schema describes (<c>general.mode</c>, <c>node.id</c>, <c>plugin</c>), for the test that keeps it and the loader in step.</summary>
    public static IEnumerable<string> DescribedKeys => Keys.Keys;

    public static JsonObject Build()
    {
        var top = new JsonObject();
        foreach (var key in ConfigSchema.TopLevelScalars)
        {
            Add(top, key, Value(key));
        }

        foreach (var (section, keys) in ConfigSchema.Sections)
        {
            Add(top, section, Section(section, keys, section == ConfigSchema.General ? "" : null));
        }

        top[ConfigSchema.Topology] = new JsonObject
        {
            ["description"] = "the nodes, by name",
            ["type"] = "object",
            ["minProperties"] = 1,
            ["additionalProperties"] = Section("node", ConfigSchema.NodeKeys, null, required: ["interface", "opmodes", "id"]),
        };

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "Sixgill cluster file",
            ["description"] = "One file describes the whole cluster; Orca's config.yaml is read unchanged. 'sixgill validate' checks what a schema cannot.",
            ["type"] = "object",
            ["properties"] = top,
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("topology"),
        };
    }

    private static JsonObject Section(string section, IReadOnlyList<string> keys, string? note, string[]? required = null)
    {
        var properties = new JsonObject();
        foreach (var key in keys)
        {
            Add(properties, key, Value($"{section}.{key}"));
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        if (note is not null && note.Length > 0)
        {
            schema["description"] = note;
        }

        if (required is not null)
        {
            schema["required"] = new JsonArray([.. required.Select(r => JsonValue.Create(r))]);
        }

        if (Forms.TryGetValue(section, out var form))
        {
            // Orca's form needs both of its keys; mixing it with the CIDR form is SG007.
            schema["dependentRequired"] = new JsonObject
            {
                [form.Orca[0]] = new JsonArray(form.Orca[1]),
                [form.Orca[1]] = new JsonArray(form.Orca[0]),
            };
            schema["not"] = new JsonObject { ["required"] = new JsonArray(form.Cidr, form.Orca[0]) };
        }

        return schema;
    }

    /// <summary>A key and, when it has an <c>_</c>, its <c>-</c> spelling (the loader reads both).</summary>
    private static void Add(JsonObject properties, string key, JsonObject value)
    {
        properties[key] = value;
        if (key.Contains('_', StringComparison.Ordinal))
        {
            properties[key.Replace('_', '-')] = value.DeepClone();
        }
    }

    private static JsonObject Value(string path) =>
        Keys.TryGetValue(path, out var make) ? make() : throw new InvalidOperationException($"the schema does not describe the config key {path}");

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonObject Pattern(string pattern, string description) => new() { ["type"] = "string", ["pattern"] = pattern, ["description"] = description };

    private static JsonObject Flag(string description) => new() { ["type"] = "boolean", ["description"] = description };

    private static JsonObject Choice(IEnumerable<string> words, string description) =>
        new() { ["enum"] = new JsonArray([.. words.Select(w => JsonValue.Create(w))]), ["description"] = description };

    private static JsonObject Integer(int minimum, int? maximum, string description)
    {
        var schema = new JsonObject { ["type"] = "integer", ["minimum"] = minimum, ["description"] = description };
        if (maximum is { } most)
        {
            schema["maximum"] = most;
        }

        return schema;
    }
}
