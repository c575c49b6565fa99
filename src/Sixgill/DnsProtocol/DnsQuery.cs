using System.Buffers.Binary;
using System.Text;

namespace Sixgill.DnsProtocol;

/// <summary>
/// A DNS query message (RFC 1035 §4.1): a header and one question, nothing else. Small enough to
/// build by hand, so verify needs no DNS library and no <c>dig</c>.
/// </summary>
internal sealed record DnsQuery(ushort Id, string Name, DnsRecordType Type, DnsClass Class = DnsClass.Internet, bool RecursionDesired = true)
{
    private const int MaxNameLength = 255;
    private const int MaxLabelLength = 63;

    /// <summary>The query on the wire.</summary>
    public byte[] Encode()
    {
        var name = EncodeName(Name);
        var message = new byte[12 + name.Length + 4];
        var span = message.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, Id);
        // Flags: a standard query (QR=0, opcode 0); RD asks the server to recurse for us.
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], RecursionDesired ? (ushort)0x0100 : (ushort)0);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 1);
        name.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[(12 + name.Length)..], (ushort)Type);
        BinaryPrimitives.WriteUInt16BigEndian(span[(14 + name.Length)..], (ushort)Class);
        return message;
    }

    /// <summary>
    /// Length-prefixed labels ending in the root's empty label. Only letters, digits, <c>-</c> and
    /// <c>_</c>: the name comes from the command line, and anything else is a typo, not a name.
    /// </summary>
    public static byte[] EncodeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.EndsWith('.') ? name[..^1] : name;
        if (trimmed.Length == 0)
        {
            return [0];
        }

        var labels = trimmed.Split('.');
        var bytes = new List<byte>(trimmed.Length + 2);
        foreach (var label in labels)
        {
            if (label.Length is 0 or > MaxLabelLength || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new ArgumentException($"'{name}' is not a DNS name (labels of 1 to {MaxLabelLength} letters, digits, '-' or '_', joined by '.')", nameof(name));
            }

            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return bytes.Count > MaxNameLength
            ? throw new ArgumentException($"'{name}' is longer than a DNS name may be ({MaxNameLength} bytes)", nameof(name))
            : [.. bytes];
    }
}
