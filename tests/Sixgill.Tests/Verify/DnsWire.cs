using System.Buffers.Binary;
using System.Net;
using Sixgill.DnsProtocol;

namespace Sixgill.Tests.Verify;

/// <summary>Builds reply messages the way a server would: the question echoed, answers pointing back at it.</summary>
internal static class DnsWire
{
    public sealed record Answer(DnsRecordType Type, byte[] Data, uint Ttl = 300);

    public static Answer Address(string address) =>
        IPAddress.Parse(address) is var ip && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? new Answer(DnsRecordType.A, ip.GetAddressBytes())
            : new Answer(DnsRecordType.Aaaa, IPAddress.Parse(address).GetAddressBytes());

    public static Answer Txt(string text) => new(DnsRecordType.Txt, [(byte)text.Length, .. System.Text.Encoding.ASCII.GetBytes(text)]);

    /// <summary>The reply to <paramref name="query"/> (as sent on the wire) with this code and these answers.</summary>
    public static byte[] Reply(byte[] query, DnsResponseCode code, params Answer[] answers)
    {
        var questionEnd = 12;
        while (query[questionEnd] != 0)
        {
            questionEnd += query[questionEnd] + 1;
        }

        questionEnd += 5;
        var reply = new List<byte>(query[..questionEnd]);
        var flags = (ushort)(0x8000 | 0x0100 | 0x0080 | (int)code);
        reply[2] = (byte)(flags >> 8);
        reply[3] = (byte)flags;
        reply[6] = (byte)(answers.Length >> 8);
        reply[7] = (byte)answers.Length;
        foreach (var answer in answers)
        {
            var record = new byte[12 + answer.Data.Length];
            // Name: a compression pointer to the question's name at byte 12.
            record[0] = 0xc0;
            record[1] = 12;
            BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(2), (ushort)answer.Type);
            BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(4), 1);
            BinaryPrimitives.WriteUInt32BigEndian(record.AsSpan(6), answer.Ttl);
            BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(10), (ushort)answer.Data.Length);
            answer.Data.CopyTo(record, 12);
            reply.AddRange(record);
        }

        return [.. reply];
    }
}
