using System.Buffers.Binary;
using System.Text;

namespace Sixgill.Host.Network;

/// <summary>
/// The payload of a netlink message as it is built: a fixed family header (ifinfomsg, nfgenmsg…),
/// then attributes (length, type, value, padded to four bytes), nested where the protocol nests
/// them. Shared by the rtnetlink and nftables requests.
/// </summary>
internal sealed class NetlinkPayload
{
    private readonly List<byte> bytes;

    public NetlinkPayload(int headerSize, SpanAction? header = null)
    {
        var head = new byte[headerSize];
        header?.Invoke(head);
        bytes = [.. head];
    }

    public delegate void SpanAction(Span<byte> header);

    public NetlinkPayload Add(ushort type, ReadOnlySpan<byte> value)
    {
        Span<byte> head = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(head, (ushort)(4 + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(head[2..], type);
        bytes.AddRange(head);
        bytes.AddRange(value);
        Pad();
        return this;
    }

    /// <summary>A zeroed family header inside a nested attribute (a veth peer's ifinfomsg).</summary>
    public NetlinkPayload Header(int size)
    {
        bytes.AddRange(new byte[size]);
        return this;
    }

    public NetlinkPayload String(ushort type, string value) => Add(type, Encoding.UTF8.GetBytes(value + "\0"));

    public NetlinkPayload Nested(ushort type, Action<NetlinkPayload> inner)
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
