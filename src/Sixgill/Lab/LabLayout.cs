using System.Text.RegularExpressions;

namespace Sixgill.Lab;

/// <summary>Where one node's pieces live: its namespaces, its switch port and its private directories.</summary>
internal sealed record LabNodeLayout(
    string Name,
    string Namespace,
    string Interface,
    string SwitchPort,
    bool IsGateway,
    string MountNamespaceFile,
    string UtsNamespaceFile,
    string Directory,
    LabNodeKind Kind = LabNodeKind.Namespace)
{
    public string EtcUpper => $"{Directory}/etc/upper";

    public string EtcWork => $"{Directory}/etc/work";

    public string VarLibUpper => $"{Directory}/var-lib/upper";

    public string VarLibWork => $"{Directory}/var-lib/work";

    /// <summary>Where the node's <c>/run</c> tmpfs is prepared before it is moved over <c>/run</c>.</summary>
    public string RunStaging => $"{Directory}/run";

    /// <summary>A systemd node's disk: what it wrote over the shared root (kept across its reboots).</summary>
    public string DiskUpper => $"{Directory}/disk/upper";

    public string DiskWork => $"{Directory}/disk/work";

    /// <summary>Where a systemd node's disk is mounted, the root it boots.</summary>
    public string MachineRoot => $"{Directory}/root";
}

/// <summary>A node's second link, on the access network, where its sshd listens.</summary>
internal sealed record LabAccessPort(string Node, string Namespace, string SwitchPort, string Address);

/// <summary>The access network: its switch, the admin node, and every node's port and address on it.</summary>
internal sealed record LabAccessLayout(string Switch, LabNodeLayout Admin, IReadOnlyList<LabAccessPort> Ports)
{
    /// <summary>The nodes' (and the admin's) interface on the access network.</summary>
    public const string Interface = "acc0";

    /// <summary>The access network: a lab ULA, in every lab (each lab's access switch is its own namespace).</summary>
    public const string Prefix = "fd00:99::";

    public const int PrefixLength = 64;

    public const string AdminAddress = Prefix + "1";

    /// <summary>The n-th node (from 0) is <c>fd00:99::1:&lt;n+1&gt;</c>.</summary>
    public static string NodeAddress(int index) => $"{Prefix}1:{(index + 1).ToString("x", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>The veth between the gateway node (or, in a lab without one, the switch) and the internet namespace.</summary>
/// <param name="ToSwitch">The internet hangs on the switch as the nodes' IPv4 router: <c>GatewayNamespace</c> is the switch's.</param>
internal sealed record LabUplink(string GatewayNamespace, string GatewayInterface, string InternetNamespace, string InternetInterface, bool ToSwitch = false);

/// <summary>
/// The names and paths of a whole lab, decided without touching the machine, so they can be
/// checked in unit tests and shown before anything is made.
/// </summary>
internal sealed partial record LabLayout(LabNames Names, IReadOnlyList<LabNodeLayout> Nodes, LabUplink? Uplink, LabAccessLayout? Access = null, LabMachines? Machines = null)
{
    /// <summary>The bridge in the switch namespace that joins the nodes' interfaces.</summary>
    public const string Bridge = "br0";

    /// <summary>The internet's port on the switch, in a lab without a gateway node.</summary>
    public const string SwitchInternetPort = "p-internet";

    /// <summary>Linux limits interface names to 15 bytes (IFNAMSIZ - 1).</summary>
    private const int MaxInterfaceName = 15;

    public string Switch => Names.Switch;

    public string? Internet => Uplink?.InternetNamespace;

    public static LabLayout Plan(LabSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var names = new LabNames(spec.Name);
        Check(spec);
        var nodes = spec.Nodes
            .Select((node, index) => new LabNodeLayout(
                node.Name,
                names.Namespace(node.Name),
                node.Interface,
                SwitchPort(node.Name, index),
                node.IsGateway,
                names.MountNamespaceFile(node.Name),
                names.UtsNamespaceFile(node.Name),
                names.NodeDirectory(node.Name),
                spec.Machines is null ? LabNodeKind.Namespace : LabNodeKind.Systemd))
            .ToList();
        LabUplink? uplink = null;
        if (spec.WithInternet)
        {
            var gateway = nodes.SingleOrDefault(n => n.IsGateway);
            uplink = gateway is null
                ? new LabUplink(names.Switch, SwitchInternetPort, names.Internet, LabInternet.InternetInterface, ToSwitch: true)
                : new LabUplink(gateway.Namespace, UplinkName(gateway.Interface), names.Internet, LabInternet.InternetInterface);
        }

        LabAccessLayout? access = null;
        if (spec.WithAccess)
        {
            var admin = new LabNodeLayout(LabNames.AdminNode, names.Namespace(LabNames.AdminNode), LabAccessLayout.Interface, "a-" + LabNames.AdminNode, false,
                names.MountNamespaceFile(LabNames.AdminNode), names.UtsNamespaceFile(LabNames.AdminNode), names.NodeDirectory(LabNames.AdminNode));
            access = new LabAccessLayout(names.Access, admin,
                [.. nodes.Select((n, i) => new LabAccessPort(n.Name, n.Namespace, AccessPort(n.Name, i), LabAccessLayout.NodeAddress(i)))]);
        }

        return new LabLayout(names, nodes, uplink, access, spec.Machines);
    }

    /// <summary>
    /// The node's port on the switch: <c>p-&lt;node&gt;</c> so it reads well in <c>ip -n sg-…-sw link</c>;
    /// <c>p&lt;index&gt;</c> when the name would pass the 15-byte limit. Never <c>br0</c> or <c>lo</c>.
    /// </summary>
    internal static string SwitchPort(string node, int index)
    {
        var readable = "p-" + node;
        return readable.Length <= MaxInterfaceName ? readable : $"p{index}";
    }

    /// <summary>The node's port on the access switch: <c>a-&lt;node&gt;</c>, or <c>a&lt;index&gt;</c> past 15 bytes.</summary>
    internal static string AccessPort(string node, int index)
    {
        var readable = "a-" + node;
        return readable.Length <= MaxInterfaceName ? readable : $"a{index}";
    }

    /// <summary>The gateway's uplink is <c>eth0</c>, as on a typical machine, unless the node's switch interface already is.</summary>
    internal static string UplinkName(string nodeInterface) => nodeInterface == "eth0" ? "wan0" : "eth0";

    private static void Check(LabSpec spec)
    {
        if (spec.Nodes.Count == 0)
        {
            throw new ArgumentException("a lab needs at least one node", nameof(spec));
        }

        foreach (var node in spec.Nodes)
        {
            if (!LabNames.IsValidNodeName(node.Name))
            {
                throw new ArgumentException($"node name '{node.Name}' is not usable: {LabNames.NodeNameRule}", nameof(spec));
            }

            if (node.Name is LabNames.SwitchSuffix or LabNames.InternetSuffix)
            {
                throw new ArgumentException($"node name '{node.Name}' is reserved for the lab's {(node.Name == LabNames.SwitchSuffix ? "switch" : "internet")} namespace", nameof(spec));
            }

            if (spec.WithAccess && (node.Name is LabNames.AccessSuffix or LabNames.AdminNode || node.Interface == LabAccessLayout.Interface))
            {
                throw new ArgumentException($"node '{node.Name}' (interface {node.Interface}): the names '{LabNames.AccessSuffix}' and '{LabNames.AdminNode}' and the interface {LabAccessLayout.Interface} are the lab's access network's", nameof(spec));
            }

            if (!InterfacePattern().IsMatch(node.Interface) || node.Interface == "lo")
            {
                throw new ArgumentException($"interface '{node.Interface}' of node '{node.Name}' is not a usable interface name (1 to 15 letters, digits, '_', '.', '-'; not 'lo')", nameof(spec));
            }
        }

        var duplicate = spec.Nodes.GroupBy(n => n.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"node '{duplicate.Key}' appears more than once", nameof(spec));
        }

        var gateways = spec.Nodes.Count(n => n.IsGateway);
        if (spec.WithInternet && gateways > 1)
        {
            throw new ArgumentException($"a lab with an internet needs at most one gateway node to carry the uplink; it has {gateways}", nameof(spec));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$")]
    private static partial Regex InterfacePattern();
}
