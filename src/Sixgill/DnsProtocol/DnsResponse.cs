using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Sixgill.DnsProtocol;

/// <summary>One resource record of an answer; <see cref="Data"/> is its RDATA as sent.</summary>
internal sealed record DnsRecord(string Name, DnsRecordType Type, DnsClass Class, uint Ttl, byte[] Data)
{
    /// <summary>The address of an A or AAAA record; null for other types or a malformed length.</summary>
    public IPAddress? Address => (Type, Data.Length) switch
    {
        (DnsRecordType.A, 4) or (DnsRecordType.Aaaa, 16) => new IPAddress(Data),
        _ => null,
    };

    /// <summary>The strings of a TXT record, joined.</summary>
    public string? Text
    {
        get
        {
            if (Type != DnsRecordType.Txt)
            {
                return null;
            }

            var text = new StringBuilder();
            for (var i = 0; i < Data.Length;)
            {
                var length = Data[i];
                var end = Math.Min(Data.Length, i + 1 + length);
                text.Append(Encoding.ASCII.GetString(Data, i + 1, end - i - 1));
                i = end;
            }

            return text.ToString();
        }
    }
}

/// <summary>A parsed reply (RFC 1035 §4.1): header fields and the answer section; authority and additional are skipped.</summary>
internal sealed record DnsResponse(ushort Id, bool IsResponse, bool Truncated, bool RecursionAvailable, DnsResponseCode ResponseCode,
    string QuestionName, DnsRecordType QuestionType, IReadOnlyList<DnsRecord> Answers)
{
    private const int HeaderLength = 12;

    // A compression pointer must point backwards; this bounds the loops a hostile message could make.
    private const int MaxPointerJumps = 64;

    public IEnumerable<IPAddress> Addresses(DnsRecordType type) =>
        Answers.Where(a => a.Type == type).Select(a => a.Address).OfType<IPAddress>();

    public static DnsResponse Parse(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength)
        {
            throw new DnsFormatException($"a DNS message has a 12-byte header; this one has {message.Length} bytes");
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        var offset = HeaderLength;

        string questionName = "";
        var questionType = (DnsRecordType)0;
        for (var i = 0; i < questions; i++)
        {
            var name = ReadName(message, ref offset);
            Need(message, offset, 4);
            if (i == 0)
            {
                questionName = name;
                questionType = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
            }

            offset += 4;
        }

        var records = new List<DnsRecord>(answers);
        for (var i = 0; i < answers; i++)
        {
            var name = ReadName(message, ref offset);
            Need(message, offset, 10);
            var type = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
            var @class = (DnsClass)BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]);
            var ttl = BinaryPrimitives.ReadUInt32BigEndian(message[(offset + 4)..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 8)..]);
            offset += 10;
            Need(message, offset, length);
            records.Add(new DnsRecord(name, type, @class, ttl, message.Slice(offset, length).ToArray()));
            offset += length;
        }

        return new DnsResponse(
            id,
            IsResponse: (flags & 0x8000) != 0,
            Truncated: (flags & 0x0200) != 0,
            RecursionAvailable: (flags & 0x0080) != 0,
            (DnsResponseCode)(flags & 0x000f),
            questionName,
            questionType,
            records);
    }

    /// <summary>Reads a possibly compressed name (RFC 1035 §4.1.4) and moves <paramref name="offset"/> past it.</summary>
    internal static string ReadName(ReadOnlySpan<byte> message, ref int offset)
    {
        var labels = new List<string>();
        var position = offset;
        var jumped = false;
        for (var jumps = 0; ;)
        {
            Need(message, position, 1);
            var length = message[position];
            if (length == 0)
            {
                position++;
                break;
            }

            if ((length & 0xc0) == 0xc0)
            {
                Need(message, position, 2);
                var target = BinaryPrimitives.ReadUInt16BigEndian(message[position..]) & 0x3fff;
                if (target >= position || ++jumps > MaxPointerJumps)
                {
                    throw new DnsFormatException($"a name's compression pointer at byte {position} does not point backwards");
                }

                if (!jumped)
                {
                    offset = position + 2;
                    jumped = true;
                }

                position = target;
                continue;
            }

            if ((length & 0xc0) != 0)
            {
                throw new DnsFormatException($"unknown label type 0x{length:x2} at byte {position}");
            }

            Need(message, position + 1, length);
            labels.Add(Encoding.ASCII.GetString(message.Slice(position + 1, length)));
            position += 1 + length;
        }

        if (!jumped)
        {
            offset = position;
        }

        return string.Join('.', labels);
    }

    private static void Need(ReadOnlySpan<byte> message, int offset, int count)
    {
        if (offset < 0 || offset + count > message.Length)
        {
            throw new DnsFormatException($"the message ends at byte {message.Length}, inside a field that needs bytes {offset} to {offset + count}");
        }
    }
}
