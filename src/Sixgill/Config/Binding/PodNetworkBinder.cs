using System.Globalization;
using Sixgill.Values;

namespace Sixgill.Config.Binding;

/// <summary>
/// <c>pod_net</c> in either form. Orca's <c>prefix P</c> + <c>size S</c> means: P names the top S − 16 bits,
/// each node's subnet is S long with the node id in the 16 bits between (docs/address-plan.md). The CIDR form is
/// <c>cidr</c> + <c>node_size</c> (default: IPv6 cidr + 16, IPv4 cidr + 8).
/// </summary>
internal static class PodNetworkBinder
{
    private const string Section = "pod_net";
    private const string Cidr = "pod_net.cidr";
    private const string NodeSize = "pod_net.node_size";
    private const string OrcaPrefix = "pod_net.prefix";
    private const string OrcaSize = "pod_net.size";
    private const string Mtu = "pod_net.mtu";

    /// <summary>Bits between the Orca prefix and a node's subnet: the node id's room.</summary>
    private const int OrcaIdBits = 16;

    public static PodDraft Bind(SettingReader reader, ClusterMode? mode)
    {
        var present = reader.RequireSection(Section, "", "\"cidr:\" (or prefix: and size:)");
        var need = FamilyNeed.ForMode(mode);
        PodFamily? first = null;
        if (!NetworkForms.FormsMixed(reader, Section, [Cidr, NodeSize], [OrcaPrefix, OrcaSize]))
        {
            first = reader.IsWritten(OrcaPrefix) || reader.IsWritten(OrcaSize)
                ? ReadOrcaForm(reader, need)
                : ReadCidrForm(reader, need, present);
        }

        var second = SecondFamily.Read(reader, Section, mode, first?.Cidr, present) is { } cidr2 ? WithDefaultNodeSize(cidr2) : null;
        var mtu = ReadMtu(reader);
        return SecondFamily.ShouldSwap(first?.Cidr.Value.Family, second?.Cidr.Value.Family)
            ? new PodDraft(second, first, mtu)
            : new PodDraft(first, second, mtu);
    }

    private static PodFamily? ReadCidrForm(SettingReader reader, FamilyNeed? need, bool required)
    {
        if (reader.IsWritten(NodeSize))
        {
            reader.RequirePartner(Cidr, NodeSize, "prefix: and size:"); // node_size alone: at its line
        }
        else if (required || reader.IsWritten(Cidr))
        {
            reader.Require(Cidr, "", "or prefix: and size:");
        }

        var cidr = reader.Network(Cidr, need);
        var nodeSize = reader.Integer(NodeSize);
        if (cidr is not { } network || (reader.Document.Has(NodeSize) && nodeSize is null))
        {
            return null;
        }

        return nodeSize is { } given ? new PodFamily(network, given, NodeSizeGiven: true, IsOrcaForm: false) : WithDefaultNodeSize(network);
    }

    /// <summary>The family's default node subnet length: IPv6 cidr + 16, IPv4 cidr + 8 (docs/config.md).</summary>
    private static PodFamily WithDefaultNodeSize(Located<Prefix> cidr) =>
        new(cidr, cidr.With(cidr.Value.Length + (cidr.Value.Family == IpFamily.V6 ? 16 : 8)), NodeSizeGiven: false, IsOrcaForm: false);

    private static PodFamily? ReadOrcaForm(SettingReader reader, FamilyNeed? need)
    {
        reader.RequirePartner(OrcaPrefix, OrcaSize);
        reader.RequirePartner(OrcaSize, OrcaPrefix);
        var text = reader.Text(OrcaPrefix);
        var size = reader.Integer(OrcaSize);
        if (text is not { } prefix)
        {
            return null;
        }

        if (!TryReadOrcaPrefix(prefix.Value, out var address, out var namedBits))
        {
            reader.Diagnostics.Error(DiagnosticCodes.InvalidAddress, prefix.Position,
                $"{OrcaPrefix} must be the IPv6 address of the pod network's top bits, like \"fd00:40:0:0\", not \"{prefix.Value}\"");
            return null;
        }

        var orcaNeed = new FamilyNeed(IpFamily.V6, " (Orca's pod form is IPv6 only)", "write pod_net.cidr instead");
        if (!reader.HasFamily(prefix, address.Family, orcaNeed, "address") || !reader.HasFamily(prefix, address.Family, need, "address")
            || size is not { } nodeSize)
        {
            return null;
        }

        if (nodeSize.Value is <= OrcaIdBits or > 128)
        {
            reader.Diagnostics.Error(DiagnosticCodes.OrcaPodPrefix, nodeSize.Position,
                $"{OrcaSize} must be from {OrcaIdBits + 1} to 128 (each node's subnet length, {OrcaIdBits} bits longer than the prefix), not {nodeSize.Value}");
            return null;
        }

        var length = nodeSize.Value - OrcaIdBits;
        var network = Prefix.Containing(address, length);
        if (namedBits is { } bits && bits != length)
        {
            reader.Diagnostics.Error(DiagnosticCodes.OrcaPodPrefix, prefix.Position,
                $"{OrcaPrefix} \"{prefix.Value}\" names {bits} bits, but size {nodeSize.Value} needs exactly {length}, size − {OrcaIdBits}",
                $"write prefix: \"{Spelled(network)}\" for size {nodeSize.Value}, or size: {bits + OrcaIdBits} for this prefix");
            return null;
        }

        if (network.Network != address)
        {
            reader.Diagnostics.Error(DiagnosticCodes.OrcaPodPrefix, prefix.Position,
                $"{OrcaPrefix} \"{prefix.Value}\" has bits set beyond the first {length}, size {nodeSize.Value} − {OrcaIdBits}",
                $"did you mean prefix: \"{Spelled(network)}\"?");
            return null;
        }

        return new PodFamily(prefix.With(network), nodeSize, NodeSizeGiven: true, IsOrcaForm: true);
    }

    /// <summary>
    /// Orca glues <c>prefix:id::/size</c> as text, so its prefix is written as whole 16-bit groups without
    /// <c>::</c> (<c>fd00:40:0:0</c> names 64 bits). Written with <c>::</c> it is a plain address and names no
    /// particular number of bits (<paramref name="namedBits"/> null); only its host bits are checked then.
    /// </summary>
    private static bool TryReadOrcaPrefix(string text, out Ip address, out int? namedBits)
    {
        namedBits = null;
        if (text.Contains("::", StringComparison.Ordinal) || text.Contains('.', StringComparison.Ordinal))
        {
            return Ip.TryParse(text, out address);
        }

        var groups = text.Split(':');
        if (groups.Length == 8)
        {
            namedBits = 128;
            return Ip.TryParse(text, out address);
        }

        namedBits = groups.Length * 16;
        return Ip.TryParse(text + "::", out address);
    }

    /// <summary>A network's top bits in Orca's spelling: whole groups when the length allows, else with <c>::</c>.</summary>
    private static string Spelled(Prefix network)
    {
        if (network.Length % 16 != 0 || network.Length is 0 or 128)
        {
            return network.Network.ToString();
        }

        var groups = Enumerable.Range(0, network.Length / 16)
            .Select(i => ((ushort)(network.Network.Value >> (112 - (16 * i)))).ToString("x", CultureInfo.InvariantCulture));
        return string.Join(':', groups);
    }

    private static int? ReadMtu(SettingReader reader)
    {
        if (reader.Integer(Mtu) is not { } mtu)
        {
            return null;
        }

        if (mtu.Value is < 1280 or > 65535)
        {
            reader.Diagnostics.Error(DiagnosticCodes.Mtu, mtu.Position,
                $"{Mtu} must be from 1280 (IPv6's minimum) to 65535, not {mtu.Value}",
                "leave it out to keep the plugin's default");
            return null;
        }

        return mtu.Value;
    }
}
