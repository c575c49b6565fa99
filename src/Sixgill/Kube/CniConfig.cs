using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Values;

namespace Sixgill.Kube;

/// <summary>
/// The CNI network list <c>up</c> writes for a node (docs/steps.md): the <c>bridge</c> or <c>ptp</c> plugin
/// with <c>host-local</c> addresses from this node's pod subnet(s), then <c>portmap</c> (for pods'
/// <c>hostPort</c>s) and <c>loopback</c>. Written with <see cref="Utf8JsonWriter"/>, property by property,
/// so the text is the same on every run and no reflection serializer is needed under NativeAOT.
/// </summary>
/// <remarks>
/// <para><c>ipMasq</c> is false in every mode. Pods talk to each other by their own addresses, routed by
/// the pod routes (docs/address-plan.md) — masquerading would hide them behind node addresses, against the
/// Kubernetes network model. The plugins' <c>ipMasq</c> cannot spare the other nodes' pod subnets, and
/// it applies to every family of the pod at once, so "IPv4 only" is not expressible either. In ipv6
/// mode IPv4 destinations are reached through DNS64/NAT64; in dual-stack and ipv4 mode, pods reaching
/// beyond the cluster over IPv4 need the pod network routed or translated at the site's edge.</para>
/// <para><c>loopback</c> last in the chain is valid: it brings <c>lo</c> up in the pod and passes the
/// previous plugin's result on unchanged.</para>
/// </remarks>
internal static class CniConfig
{
    public const string Directory = "/etc/cni/net.d";

    /// <summary>
    /// Runtimes (containerd, CRI-O) load the first config in the directory in byte order of the names:
    /// <c>00-</c> sorts before the <c>10-containerd-net.conflist</c> containerd's packages ship.
    /// </summary>
    public const string FileName = "00-sixgill.conflist";

    public const string FilePath = Directory + "/" + FileName;

    /// <summary>The extensions libcni reads as network configs; other files in the directory are never loaded.</summary>
    public static readonly ImmutableArray<string> ConfigExtensions = [".conf", ".conflist", ".json"];

    /// <summary>Whether a runtime would read the entry <paramref name="name"/> of the directory as a network config.</summary>
    public static bool IsConfigFile(string name) =>
        ConfigExtensions.Any(extension => name.EndsWith(extension, StringComparison.Ordinal));

    /// <summary>Whether a runtime would take <paramref name="name"/> before Sixgill's file (byte order, as Go's sort.Strings).</summary>
    public static bool SortsBefore(string name) => string.CompareOrdinal(name, FileName) < 0;

    public const string CniVersion = "1.0.0";

    public const string NetworkName = "sixgill";

    /// <summary>The bridge the <c>bridge</c> plugin creates; <c>down</c> removes it.</summary>
    public const string BridgeName = "cni0";

    private static readonly JsonWriterOptions Options = new() { Indented = true, IndentSize = 2, NewLine = "\n" };

    public static string Render(AddressPlan plan, NodeAddresses node)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(node);
        if (node.PodSubnets.IsEmpty)
        {
            throw new InvalidOperationException($"{node.Name} is neither master nor minion: it has no pod subnet and no CNI config");
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("cniVersion", CniVersion);
            json.WriteString("name", NetworkName);
            json.WriteStartArray("plugins");
            WriteMainPlugin(json, plan.Cluster.Plugin, plan.Cluster.PodNet.Mtu, node);
            WritePortmap(json);
            WriteLoopback(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteMainPlugin(Utf8JsonWriter json, CniPlugin plugin, int? mtu, NodeAddresses node)
    {
        json.WriteStartObject();
        if (plugin == CniPlugin.Bridge)
        {
            json.WriteString("type", "bridge");
            json.WriteString("bridge", BridgeName);

            // The bridge takes each pod subnet's gateway address (subnet + 1), so pods' default routes
            // point at the node, and the node has an on-link route to its own pods.
            json.WriteBoolean("isGateway", true);

            // A pod reaching a service that lands back on itself goes out and in the same bridge port.
            json.WriteBoolean("hairpinMode", true);
        }
        else
        {
            json.WriteString("type", "ptp");
        }

        json.WriteBoolean("ipMasq", false);
        if (mtu is { } value)
        {
            json.WriteNumber("mtu", value);
        }

        WriteIpam(json, node);
        json.WriteEndObject();
    }

    private static void WriteIpam(Utf8JsonWriter json, NodeAddresses node)
    {
        json.WriteStartObject("ipam");
        json.WriteString("type", "host-local");

        // One range set per family: host-local then gives every pod one address of each.
        json.WriteStartArray("ranges");
        foreach (var pod in node.PodSubnets)
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("subnet", pod.Subnet.ToString());

            // host-local would pick subnet + 1 itself; writing it keeps one number everywhere (docs/address-plan.md).
            json.WriteString("gateway", pod.Gateway.ToString());
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndArray();

        // No gateway given: the plugin routes each default via the gateway of the same family.
        json.WriteStartArray("routes");
        foreach (var pod in node.PodSubnets)
        {
            json.WriteStartObject();
            json.WriteString("dst", pod.Family == IpFamily.V6 ? "::/0" : "0.0.0.0/0");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePortmap(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "portmap");
        json.WriteStartObject("capabilities");
        json.WriteBoolean("portMappings", true);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLoopback(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "loopback");
        json.WriteEndObject();
    }
}
