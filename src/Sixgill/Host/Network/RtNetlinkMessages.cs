using System.Buffers.Binary;
using System.Text;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Network;

/// <summary>A link as rtnetlink describes it: index, name, administratively up, and its group (0 unless set).</summary>
internal sealed record NetlinkLink(int Index, string Name, bool IsUp, uint Group = 0);

/// <summary>An address as rtnetlink describes it, on the link with this index.</summary>
internal sealed record NetlinkAddress(int LinkIndex, AddressState State);

/// <summary>A route as rtnetlink describes it: its table, and the output link by index.</summary>
internal sealed record NetlinkRoute(uint Table, Prefix Destination, Ip? Via, int? OutputLink, bool Cloned);

/// <summary>
/// The rtnetlink requests and replies Sixgill uses, as bytes (linux/rtnetlink.h, if_link.h,
/// if_addr.h): pure, so they are tested without a socket. Messages here start after the 16-byte
/// <c>nlmsghdr</c>; numbers are host order, which is little-endian on every platform Sixgill builds for.
/// </summary>
internal static class RtNetlinkMessages
{
    public const uint MainTable = 254;

    private const int LinkHeader = 16;    // struct ifinfomsg
    private const int AddressHeader = 8;  // struct ifaddrmsg
    private const int RouteHeader = 12;   // struct rtmsg

    private const byte Inet = 2;
    private const byte Inet6 = 10;

    private const ushort LinkName = 3;      // IFLA_IFNAME
    private const ushort GroupAttr = 27;    // IFLA_GROUP
    private const ushort AddressAttr = 1;   // IFA_ADDRESS
    private const ushort LocalAttr = 2;     // IFA_LOCAL
    private const ushort FlagsAttr = 8;     // IFA_FLAGS (all 32 bits; the header has only 8)
    private const ushort DestinationAttr = 1; // RTA_DST
    private const ushort OutputAttr = 4;    // RTA_OIF
    private const ushort GatewayAttr = 5;   // RTA_GATEWAY
    private const ushort TableAttr = 15;    // RTA_TABLE (the header's table field stops at 255)

    private const uint Up = 0x1;            // IFF_UP
    private const uint Tentative = 0x40;    // IFA_F_TENTATIVE
    private const uint DadFailed = 0x08;    // IFA_F_DADFAILED
    private const uint Cloned = 0x200;      // RTM_F_CLONED: a cache entry, not a route ip shows

    /// <summary>The request header of a dump of every link.</summary>
    public static byte[] LinkRequest() => new byte[LinkHeader];

    /// <summary>The request header of a dump of every address of every family.</summary>
    public static byte[] AddressRequest() => new byte[AddressHeader];

    /// <summary>The request header of a dump of every route of one family.</summary>
    public static byte[] RouteRequest(IpFamily family)
    {
        var header = new byte[RouteHeader];
        header[0] = family == IpFamily.V6 ? Inet6 : Inet;
        return header;
    }

    public static NetlinkLink Link(ReadOnlySpan<byte> message)
    {
        Require(message, LinkHeader, "link");
        var index = BinaryPrimitives.ReadInt32LittleEndian(message[4..]);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(message[8..]);
        string? name = null;
        uint group = 0;
        foreach (var attribute in Attributes(message, LinkHeader))
        {
            switch (attribute.Type)
            {
                case LinkName:
                    name = Encoding.UTF8.GetString(attribute.Value).TrimEnd('\0');
                    break;
                case GroupAttr when attribute.Value.Length >= 4:
                    group = BinaryPrimitives.ReadUInt32LittleEndian(attribute.Value);
                    break;
            }
        }

        return new NetlinkLink(index, name ?? "", (flags & Up) != 0, group);
    }

    /// <summary>The address, or null for a family Sixgill does not handle.</summary>
    public static NetlinkAddress? Address(ReadOnlySpan<byte> message)
    {
        Require(message, AddressHeader, "address");
        var family = message[0];
        if (family is not (Inet or Inet6))
        {
            return null;
        }

        var length = message[1];
        uint flags = message[2];
        var index = (int)BinaryPrimitives.ReadUInt32LittleEndian(message[4..]);
        Ip? address = null;
        Ip? local = null;
        foreach (var attribute in Attributes(message, AddressHeader))
        {
            switch (attribute.Type)
            {
                case AddressAttr:
                    address = IpOf(attribute.Value);
                    break;
                case LocalAttr:
                    local = IpOf(attribute.Value);
                    break;
                case FlagsAttr when attribute.Value.Length >= 4:
                    flags = BinaryPrimitives.ReadUInt32LittleEndian(attribute.Value);
                    break;
            }
        }

        // As ip prints it: the local address where there is one (point-to-point), else the address.
        return (local ?? address) is { } ip
            ? new NetlinkAddress(index, new AddressState(new InterfaceAddress(ip, length), (flags & Tentative) != 0, (flags & DadFailed) != 0))
            : null;
    }

    /// <summary>The route, or null for a family Sixgill does not handle.</summary>
    public static NetlinkRoute? Route(ReadOnlySpan<byte> message)
    {
        Require(message, RouteHeader, "route");
        var family = message[0] switch
        {
            Inet => IpFamily.V4,
            Inet6 => IpFamily.V6,
            _ => (IpFamily?)null,
        };
        if (family is not { } f)
        {
            return null;
        }

        var length = message[1];
        uint table = message[4];
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(message[8..]);
        Ip? destination = null;
        Ip? via = null;
        int? output = null;
        foreach (var attribute in Attributes(message, RouteHeader))
        {
            switch (attribute.Type)
            {
                case DestinationAttr:
                    destination = IpOf(attribute.Value);
                    break;
                case GatewayAttr:
                    via = IpOf(attribute.Value);
                    break;
                case OutputAttr when attribute.Value.Length >= 4:
                    output = (int)BinaryPrimitives.ReadUInt32LittleEndian(attribute.Value);
                    break;
                case TableAttr when attribute.Value.Length >= 4:
                    table = BinaryPrimitives.ReadUInt32LittleEndian(attribute.Value);
                    break;
            }
        }

        var network = Prefix.Containing(destination ?? new Ip(0, f), length);
        return new NetlinkRoute(table, network, via, output, (flags & Cloned) != 0);
    }

    /// <summary>The attributes after a header, read in place as the loop walks them (nothing is copied or collected).</summary>
    internal static AttributeReader Attributes(ReadOnlySpan<byte> message, int headerSize) => new(message, headerSize);

    private static Ip? IpOf(ReadOnlySpan<byte> bytes) => bytes.Length is 4 or 16 ? Ip.FromBytes(bytes) : null;

    private static void Require(ReadOnlySpan<byte> message, int size, string what)
    {
        if (message.Length < size)
        {
            throw new FormatException($"rtnetlink {what} message of {message.Length} bytes is shorter than its {size}-byte header");
        }
    }
}

/// <summary>One rtnetlink attribute: its type (the nested and byte-order flags masked off) and its value.</summary>
internal readonly ref struct NetlinkAttribute(ushort type, ReadOnlySpan<byte> value)
{
    public ushort Type { get; } = type;

    public ReadOnlySpan<byte> Value { get; } = value;
}

/// <summary>
/// Walks the attributes of a message after its header, for <c>foreach</c>: each is a 4-byte
/// <c>rtattr</c> (length, type) and its value, padded to 4 bytes. One whose length is below 4 or runs
/// past the message is a <see cref="FormatException"/>; fewer than 4 bytes left over end the walk.
/// </summary>
internal ref struct AttributeReader
{
    private readonly ReadOnlySpan<byte> message;
    private int next;

    public AttributeReader(ReadOnlySpan<byte> message, int headerSize)
    {
        this.message = message;
        next = headerSize;
    }

    public NetlinkAttribute Current { get; private set; }

    public readonly AttributeReader GetEnumerator() => this;

    public bool MoveNext()
    {
        if (next + 4 > message.Length)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(message[next..]);
        var type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(message[(next + 2)..]) & 0x3FFF);
        if (length < 4 || next + length > message.Length)
        {
            throw new FormatException($"rtnetlink attribute of {length} bytes at {next} does not fit its message of {message.Length}");
        }

        Current = new NetlinkAttribute(type, message.Slice(next + 4, length - 4));
        next += (length + 3) & ~3;
        return true;
    }
}
