using System.Buffers.Binary;
using System.Text;

namespace Sixgill.Host.Network;

/// <summary>
/// Netlink's framing, as bytes (linux/netlink.h): a message is a 16-byte <c>nlmsghdr</c> (length,
/// type, flags, sequence, port) and its payload, the next one at a 4-byte boundary; the kernel ends
/// an answer with done, or with an error message whose errno 0 is the acknowledgement. Pure, for
/// every netlink protocol Sixgill speaks (rtnetlink, nfnetlink), so it is tested without a socket.
/// Numbers are host order, little-endian on every platform Sixgill builds for.
/// </summary>
internal static class NetlinkFrames
{
    public const int HeaderSize = 16;

    public const ushort Request = 0x1;      // NLM_F_REQUEST
    public const ushort Acknowledge = 0x4;  // NLM_F_ACK
    public const ushort Dump = 0x300;       // NLM_F_ROOT | NLM_F_MATCH

    public const ushort Error = 2;          // NLMSG_ERROR
    public const ushort Done = 3;           // NLMSG_DONE

    private const ushort AcknowledgeTlvs = 0x200; // NLM_F_ACK_TLVS on an error message
    private const ushort ErrorMessageAttr = 1;    // NLMSGERR_ATTR_MSG

    /// <summary>The bytes a message with <paramref name="payloadLength"/> bytes of payload takes, padding included.</summary>
    public static int Size(int payloadLength) => (HeaderSize + payloadLength + 3) & ~3;

    /// <summary>One message: its header, then <paramref name="payload"/>, padded to four bytes; returns the bytes written.</summary>
    public static int Write(Span<byte> into, ushort type, ushort flags, uint sequence, ReadOnlySpan<byte> payload)
    {
        var size = Size(payload.Length);
        into[..size].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(into, (uint)(HeaderSize + payload.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(into[4..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(into[6..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(into[8..], sequence);
        payload.CopyTo(into[HeaderSize..]);
        return size;
    }

    /// <summary>One message alone, as an array (a single request).</summary>
    public static byte[] Message(ushort type, ushort flags, uint sequence, ReadOnlySpan<byte> payload)
    {
        var message = new byte[Size(payload.Length)];
        _ = Write(message, type, flags, sequence, payload);
        return message;
    }

    /// <summary>
    /// Reads the messages of one datagram <paramref name="received"/> from <paramref name="protocol"/>
    /// that belong to <paramref name="exchange"/>: those answering its request go to
    /// <paramref name="answers"/> (each read where it lies by <paramref name="read"/>); true once the
    /// answer is complete (done, or the acknowledgement) or refused: a refusal of the request, or of
    /// any other message sent with it, ends the exchange as <paramref name="refusal"/>, naming the
    /// message refused. Returned, not thrown: a refusal can be the answer ("no such table"), and a
    /// first exception costs a process about a millisecond. Messages of other sequence numbers (a
    /// stray earlier answer) are skipped.
    /// </summary>
    public static bool Read<T>(ReadOnlySpan<byte> received, NetlinkExchange exchange, string protocol, MessageReader<T> read, List<T> answers, out NetlinkRefusal? refusal)
    {
        refusal = null;
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(answers);
        for (var offset = 0; offset + HeaderSize <= received.Length;)
        {
            var message = received[offset..];
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(message);
            if (size < HeaderSize || offset + size > received.Length)
            {
                throw new IOException($"{protocol}: a message of {size} bytes at {offset} does not fit the {received.Length} received");
            }

            message = message[..size];
            var kind = BinaryPrimitives.ReadUInt16LittleEndian(message[4..]);
            var sequence = BinaryPrimitives.ReadUInt32LittleEndian(message[8..]);
            if (exchange.Covers(sequence))
            {
                var answer = sequence == exchange.Answer;
                if (kind == Error)
                {
                    var errno = size >= HeaderSize + 4 ? -BinaryPrimitives.ReadInt32LittleEndian(message[HeaderSize..]) : 0;
                    if (errno != 0)
                    {
                        refusal = Refusal(message, protocol, errno);
                        return true;
                    }

                    if (answer)
                    {
                        return true;
                    }
                }
                else if (answer)
                {
                    if (kind == Done)
                    {
                        return true;
                    }

                    answers.Add(read(message[HeaderSize..]));
                }
            }

            offset += (size + 3) & ~3;
        }

        return false;
    }

    /// <summary>The refusal in an error message: its errno, the type of the request it refuses (the header it echoes), the kernel's words.</summary>
    private static NetlinkRefusal Refusal(ReadOnlySpan<byte> error, string protocol, int errno)
    {
        var echoed = HeaderSize + 4;
        var request = error.Length >= echoed + HeaderSize ? BinaryPrimitives.ReadUInt16LittleEndian(error[(echoed + 4)..]) : (ushort)0;
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(error[6..]);
        return new NetlinkRefusal(protocol, request, errno, (flags & AcknowledgeTlvs) != 0 ? KernelText(error) : null);
    }

    /// <summary>The kernel's text in an extended acknowledgement: after the header, the errno and the echoed request header.</summary>
    private static string? KernelText(ReadOnlySpan<byte> error)
    {
        for (var offset = HeaderSize + 4 + HeaderSize; offset + 4 <= error.Length;)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(error[offset..]);
            var kind = BinaryPrimitives.ReadUInt16LittleEndian(error[(offset + 2)..]);
            if (length < 4 || offset + length > error.Length)
            {
                return null;
            }

            if (kind == ErrorMessageAttr)
            {
                return Encoding.UTF8.GetString(error.Slice(offset + 4, length - 4)).TrimEnd('\0');
            }

            offset += (length + 3) & ~3;
        }

        return null;
    }
}

/// <summary>
/// The sequence numbers of what was sent in one datagram (<paramref name="First"/> to <paramref name="Last"/>:
/// one request, or a batch) and the one whose answer is awaited (<paramref name="Answer"/>).
/// </summary>
internal readonly record struct NetlinkExchange(uint First, uint Last, uint Answer)
{
    /// <summary>A single request.</summary>
    public static NetlinkExchange Single(uint sequence) => new(sequence, sequence, sequence);

    public bool Covers(uint sequence) => sequence >= First && sequence <= Last;
}

/// <summary>Reads one netlink message's payload (after its <c>nlmsghdr</c>); the bytes are valid only during the call.</summary>
internal delegate T MessageReader<out T>(ReadOnlySpan<byte> message);
