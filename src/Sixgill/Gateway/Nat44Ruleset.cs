using System.Text;
using Sixgill.Addressing;
using Sixgill.Machine;

namespace Sixgill.Gateway;

/// <summary>
/// The NAT44 behind NAT64 (docs/gateway.md): TAYGA sends IPv4 packets from its dynamic pool, which the
/// outside world has no route back to, so the gateway masquerades the pool behind its uplink
/// address. Everything lives in one table of Sixgill's own, created and deleted as a whole, so the
/// machine's other rules are never touched and never flushed.
/// </summary>
internal static class Nat44Ruleset
{
    /// <summary>The table's family: IPv4 only, the IPv6 side needs no NAT.</summary>
    public const string TableFamily = NftTable.SixgillFamily;

    public const string TableName = NftTable.SixgillName;

    /// <summary>
    /// The ruleset for <c>nft -f</c>. The first two lines make it replace the table in one
    /// transaction (declare it, delete it, define it again), so applying it twice gives one rule,
    /// not two, and a reboot-time reload cannot fail on an existing table.
    /// </summary>
    public static string Render(AddressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var gateway = Dns64NamedConf.GatewayServicesOf(plan);
        var text = new StringBuilder();
        text.Append("# Sixgill's NAT44 for the NAT64 pool (docs/gateway.md), written by 'sixgill prepare' on ").Append(gateway.NodeName).Append(".\n");
        text.Append("# The table is Sixgill's alone: it is replaced and removed whole.\n");
        text.Append("table ").Append(TableFamily).Append(' ').Append(TableName).Append('\n');
        text.Append("delete table ").Append(TableFamily).Append(' ').Append(TableName).Append('\n');
        text.Append("table ").Append(TableFamily).Append(' ').Append(TableName).Append(" {\n");
        text.Append("\tchain postrouting {\n");
        text.Append("\t\ttype nat hook postrouting priority srcnat; policy accept;\n");
        text.Append("\t\tip saddr ").Append(gateway.Nat64Pool).Append(" masquerade\n");
        text.Append("\t}\n");
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>Reads the table back (<c>nft -j list table ip sixgill</c>), e.g. for a probe.</summary>
    public static IReadOnlyList<string> ListCommand => ["nft", "-j", "list", "table", TableFamily, TableName];
}
