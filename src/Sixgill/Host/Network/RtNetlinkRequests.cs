using System.Buffers.Binary;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Network;

/// <summary>
/// The payloads of the rtnetlink changes Sixgill makes, byte for byte what <c>ip</c> sends for the
/// same command (iproute2's <c>ipaddr_modify</c>, <c>iproute_modify</c>, <c>iplink_modify</c>), so
/// the kernel ends in the same state: the same scope, protocol, flags, lifetimes (none: forever) and
/// metric (none: the kernel's default, 1024 for IPv6). Pure: tested without a socket.
/// </summary>
internal static class RtNetlinkRequests
{
    private const byte Inet = 2;
    private const byte Inet6 = 10;

    private const ushort LinkName = 3;   // IFLA_IFNAME
    private const ushort LinkInfo = 18;  // IFLA_LINKINFO
    private const ushort InfoKind = 1;   // IFLA_INFO_KIND
    private const ushort InfoData = 2;   // IFLA_INFO_DATA
    private const ushort VethPeer = 1;   // VETH_INFO_PEER
    private const ushort LinkAddress = 1; // IFLA_ADDRESS (the MAC)
    private const ushort Master = 10;    // IFLA_MASTER
    private const ushort NamespaceFd = 28; // IFLA_NET_NS_FD
    private const ushort GroupAttr = 27; // IFLA_GROUP
    private const ushort AddressAttr = 1; // IFA_ADDRESS
    private const ushort LocalAttr = 2;  // IFA_LOCAL
    private const ushort DestinationAttr = 1; // RTA_DST
    private const ushort OutputAttr = 4; // RTA_OIF
    private const ushort GatewayAttr = 5; // RTA_GATEWAY

    private const uint Up = 0x1;         // IFF_UP
    private const byte NoDad = 0x02;     // IFA_F_NODAD
    private const byte MainTable = 254;  // RT_TABLE_MAIN
    private const byte BootProtocol = 3; // RTPROT_BOOT, what ip route add marks its routes with
    private const byte UniverseScope = 0;
    private const byte LinkScope = 253;
    private const byte NowhereScope = 255;
    private const byte Unicast = 1;      // RTN_UNICAST
    private const uint OnLink = 4;       // RTNH_F_ONLINK

    /// <summary>A get of one link by name (<c>RTM_GETLINK</c>): the reply gives its index.</summary>
    public static byte[] LinkByName(string name) => new NetlinkPayload(16).String(LinkName, name).ToArray();

    /// <summary>Sets IFF_UP on or off and nothing else (<c>ip link set dev N up|down</c>).</summary>
    public static byte[] LinkUp(int index, bool up) =>
        new NetlinkPayload(16, h =>
        {
            BinaryPrimitives.WriteInt32LittleEndian(h[4..], index);
            BinaryPrimitives.WriteUInt32LittleEndian(h[8..], up ? Up : 0);
            BinaryPrimitives.WriteUInt32LittleEndian(h[12..], Up);
        }).ToArray();

    /// <summary>
    /// Sets IFF_UP and makes the link a port of the bridge <paramref name="masterIndex"/> in one
    /// request (<c>ip link set dev N master BR up</c>).
    /// </summary>
    public static byte[] LinkUpWithMaster(int index, int masterIndex) =>
        new NetlinkPayload(16, h =>
        {
            BinaryPrimitives.WriteInt32LittleEndian(h[4..], index);
            BinaryPrimitives.WriteUInt32LittleEndian(h[8..], Up);
            BinaryPrimitives.WriteUInt32LittleEndian(h[12..], Up);
        }).Add(Master, BitConverter.GetBytes(masterIndex)).ToArray();

    /// <summary>
    /// A new veth pair (sent with create + exclusive): <paramref name="name"/> in the namespace of the
    /// socket it is sent on, with <paramref name="mac"/> when given; its peer <paramref name="peerName"/>
    /// made directly in the namespace <paramref name="peerNamespaceFd"/> names
    /// (<c>ip link add NAME address MAC type veth peer name PEER netns PEERNS</c>).
    /// </summary>
    public static byte[] NewVeth(string name, byte[]? mac, string peerName, int peerNamespaceFd)
    {
        var message = new NetlinkPayload(16).String(LinkName, name);
        if (mac is not null)
        {
            message.Add(LinkAddress, mac);
        }

        return message.Nested(LinkInfo, info => info.String(InfoKind, "veth").Nested(InfoData, data => data.Nested(VethPeer, peer => peer
            .Header(16)
            .String(LinkName, peerName)
            .Add(NamespaceFd, BitConverter.GetBytes(peerNamespaceFd))))).ToArray();
    }

    /// <summary>A MAC address as its six bytes (<c>02:1a:…</c>).</summary>
    public static byte[] Mac(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        return parts.Length == 6
            ? [.. parts.Select(p => byte.Parse(p, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture))]
            : throw new FormatException($"'{text}' is not a MAC address");
    }

    /// <summary>A new bridge with no ports (<c>ip link add NAME type bridge</c>; sent with create + exclusive).</summary>
    public static byte[] NewBridge(string name) =>
        new NetlinkPayload(16).String(LinkName, name).Nested(LinkInfo, m => m.String(InfoKind, "bridge")).ToArray();

    /// <summary>The link by index (<c>RTM_DELLINK</c>).</summary>
    public static byte[] LinkIndex(int index) => new NetlinkPayload(16, h => BinaryPrimitives.WriteInt32LittleEndian(h[4..], index)).ToArray();

    /// <summary>Puts the link in a group and changes nothing else (<c>ip link set dev N group G</c>).</summary>
    public static byte[] LinkGroup(int index, uint group) =>
        new NetlinkPayload(16, h => BinaryPrimitives.WriteInt32LittleEndian(h[4..], index)).Add(GroupAttr, BitConverter.GetBytes(group)).ToArray();

    /// <summary>Every link of a group, for <c>RTM_DELLINK</c> (<c>ip link delete group G</c>): no index, only the group.</summary>
    public static byte[] Group(uint group) => new NetlinkPayload(16).Add(GroupAttr, BitConverter.GetBytes(group)).ToArray();

    /// <summary>An address on a link: local and peer both the address, as ip sends it when no peer is named.</summary>
    public static byte[] Address(int index, InterfaceAddress address, bool withoutDad = false)
    {
        var bytes = Bytes(address.Address);
        return new NetlinkPayload(8, h =>
        {
            h[0] = Family(address.Address);
            h[1] = (byte)address.Length;
            h[2] = withoutDad ? NoDad : (byte)0;
            h[3] = UniverseScope;
            BinaryPrimitives.WriteInt32LittleEndian(h[4..], index);
        }).Add(LocalAttr, bytes).Add(AddressAttr, bytes).ToArray();
    }

    /// <summary>
    /// A route of the main table. A new one is unicast, protocol boot, scope universe (link when it
    /// has no gateway and is IPv4, as ip does); a deleted one has scope nowhere, so any scope matches.
    /// </summary>
    /// <param name="onLink">The next hop is on the link even if no address says so (<c>onlink</c>).</param>
    public static byte[] Route(KernelRoute route, int? outputIndex, bool delete, bool onLink = false)
    {
        ArgumentNullException.ThrowIfNull(route);
        var destination = route.Destination;
        if (route.Via is { } via && via.Family != destination.Family)
        {
            throw new ArgumentException($"route {route}: the next hop is not of the destination's family", nameof(route));
        }

        var message = new NetlinkPayload(12, h =>
        {
            h[0] = Family(destination.Network);
            h[1] = (byte)destination.Length;
            h[4] = MainTable;
            h[5] = delete ? (byte)0 : BootProtocol;
            h[6] = delete ? NowhereScope : route.Via is null && !destination.Network.IsV6 ? LinkScope : UniverseScope;
            h[7] = delete ? (byte)0 : Unicast;
            BinaryPrimitives.WriteUInt32LittleEndian(h[8..], onLink ? OnLink : 0);
        });
        if (destination.Length > 0)
        {
            message.Add(DestinationAttr, Bytes(destination.Network));
        }

        if (route.Via is { } gateway)
        {
            message.Add(GatewayAttr, Bytes(gateway));
        }

        if (outputIndex is { } index)
        {
            message.Add(OutputAttr, BitConverter.GetBytes(index));
        }

        return message.ToArray();
    }

    private static byte Family(Ip address) => address.IsV6 ? Inet6 : Inet;

    private static byte[] Bytes(Ip address) => address.ToIPAddress().GetAddressBytes();
}
