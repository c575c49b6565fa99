using System.Buffers.Binary;
using System.Text;
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

    /// <summary>A get of one link by name (<c>RTM_GETLINK</c>): the reply gives its index.</summary>
    public static byte[] LinkByName(string name) => new Message(16).String(LinkName, name).ToArray();

    /// <summary>Sets IFF_UP on or off and nothing else (<c>ip link set dev N up|down</c>).</summary>
    public static byte[] LinkUp(int index, bool up) =>
        new Message(16, h =>
        {
            BinaryPrimitives.WriteInt32LittleEndian(h[4..], index);
            BinaryPrimitives.WriteUInt32LittleEndian(h[8..], up ? Up : 0);
            BinaryPrimitives.WriteUInt32LittleEndian(h[12..], Up);
        }).ToArray();

    /// <summary>A new bridge with no ports (<c>ip link add NAME type bridge</c>; sent with create + exclusive).</summary>
    public static byte[] NewBridge(string name) =>
        new Message(16).String(LinkName, name).Nested(LinkInfo, m => m.String(InfoKind, "bridge")).ToArray();

    /// <summary>The link by index (<c>RTM_DELLINK</c>).</summary>
    public static byte[] LinkIndex(int index) => new Message(16, h => BinaryPrimitives.WriteInt32LittleEndian(h[4..], index)).ToArray();

    /// <summary>An address on a link: local and peer both the address, as ip sends it when no peer is named.</summary>
    public static byte[] Address(int index, InterfaceAddress address, bool withoutDad = false)
    {
        var bytes = Bytes(address.Address);
        return new Message(8, h =>
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
    public static byte[] Route(KernelRoute route, int? outputIndex, bool delete)
    {
        ArgumentNullException.ThrowIfNull(route);
        var destination = route.Destination;
        if (route.Via is { } via && via.Family != destination.Family)
        {
            throw new ArgumentException($"route {route}: the next hop is not of the destination's family", nameof(route));
        }

        var message = new Message(12, h =>
        {
            h[0] = Family(destination.Network);
            h[1] = (byte)destination.Length;
            h[4] = MainTable;
            h[5] = delete ? (byte)0 : BootProtocol;
            h[6] = delete ? NowhereScope : route.Via is null && !destination.Network.IsV6 ? LinkScope : UniverseScope;
            h[7] = delete ? (byte)0 : Unicast;
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

    /// <summary>A family header followed by attributes, each padded to four bytes.</summary>
    private sealed class Message
    {
        private readonly List<byte> bytes;

        public Message(int headerSize, SpanAction? header = null)
        {
            var head = new byte[headerSize];
            header?.Invoke(head);
            bytes = [.. head];
        }

        public delegate void SpanAction(Span<byte> header);

        public Message Add(ushort type, ReadOnlySpan<byte> value)
        {
            Span<byte> head = stackalloc byte[4];
            BinaryPrimitives.WriteUInt16LittleEndian(head, (ushort)(4 + value.Length));
            BinaryPrimitives.WriteUInt16LittleEndian(head[2..], type);
            bytes.AddRange(head);
            bytes.AddRange(value);
            Pad();
            return this;
        }

        public Message String(ushort type, string value) => Add(type, Encoding.UTF8.GetBytes(value + "\0"));

        public Message Nested(ushort type, Action<Message> inner)
        {
            var start = bytes.Count;
            bytes.AddRange(new byte[4]);
            inner(this);
            var length = (ushort)(bytes.Count - start);
            bytes[start] = (byte)length;
            bytes[start + 1] = (byte)(length >> 8);
            bytes[start + 2] = (byte)type;
            bytes[start + 3] = (byte)(type >> 8);
            return this;
        }

        public byte[] ToArray() => [.. bytes];

        private void Pad()
        {
            while (bytes.Count % 4 != 0)
            {
                bytes.Add(0);
            }
        }
    }
}
