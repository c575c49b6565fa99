using Sixgill.DnsProtocol;

namespace Sixgill.Tests.Verify;

public sealed class DnsMessageTests
{
    [Fact]
    public void A_query_is_header_then_one_question_in_network_order()
    {
        var bytes = new DnsQuery(0x1234, "web.example.test", DnsRecordType.Aaaa).Encode();

        bytes.ShouldBe(
        [
            0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
            3, (byte)'w', (byte)'e', (byte)'b',
            7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e',
            4, (byte)'t', (byte)'e', (byte)'s', (byte)'t',
            0,
            0, 28, 0, 1,
        ]);
    }

    [Fact]
    public void A_chaos_query_without_recursion_says_so()
    {
        var bytes = new DnsQuery(1, "version.bind.", DnsRecordType.Txt, DnsClass.Chaos, RecursionDesired: false).Encode();

        bytes[2..4].ShouldBe(new byte[] { 0, 0 });
        bytes[^4..].ShouldBe(new byte[] { 0, 16, 0, 3 });
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("web example")]
    [InlineData("web.example.test;rm")]
    [InlineData("ünïcode.test")]
    public void Names_that_are_not_dns_names_are_refused(string name)
    {
        if (name.Length == 0)
        {
            DnsQuery.EncodeName(name).ShouldBe(new byte[] { 0 });
            return;
        }

        Should.Throw<ArgumentException>(() => DnsQuery.EncodeName(name));
    }

    [Fact]
    public void Labels_longer_than_63_bytes_and_names_longer_than_255_are_refused()
    {
        Should.Throw<ArgumentException>(() => DnsQuery.EncodeName(new string('a', 64) + ".test"));
        Should.Throw<ArgumentException>(() => DnsQuery.EncodeName(string.Join('.', Enumerable.Repeat(new string('a', 60), 5))));
        DnsQuery.EncodeName(new string('a', 63) + ".test").Length.ShouldBe(1 + 63 + 1 + 4 + 1);
    }

    [Fact]
    public void A_reply_with_compressed_answers_parses_to_its_addresses()
    {
        var query = new DnsQuery(0xbeef, "web.example.test", DnsRecordType.Aaaa).Encode();
        var reply = DnsWire.Reply(query, DnsResponseCode.NoError, DnsWire.Address("fd00:10:64:ff9b::cb00:7150"), DnsWire.Address("2001:db8::1"));

        var response = DnsResponse.Parse(reply);

        response.Id.ShouldBe((ushort)0xbeef);
        response.IsResponse.ShouldBeTrue();
        response.RecursionAvailable.ShouldBeTrue();
        response.ResponseCode.ShouldBe(DnsResponseCode.NoError);
        response.QuestionName.ShouldBe("web.example.test");
        response.QuestionType.ShouldBe(DnsRecordType.Aaaa);
        response.Answers.Select(a => a.Name).ShouldBe(["web.example.test", "web.example.test"]);
        response.Addresses(DnsRecordType.Aaaa).Select(a => a.ToString()).ShouldBe(["fd00:10:64:ff9b::cb00:7150", "2001:db8::1"]);
        response.Answers[0].Ttl.ShouldBe(300u);
    }

    [Fact]
    public void Response_codes_and_txt_records_are_read()
    {
        var query = new DnsQuery(7, "version.bind", DnsRecordType.Txt, DnsClass.Chaos).Encode();

        DnsResponse.Parse(DnsWire.Reply(query, DnsResponseCode.ServerFailure)).ResponseCode.ShouldBe(DnsResponseCode.ServerFailure);
        DnsResponse.Parse(DnsWire.Reply(query, DnsResponseCode.NoError, DnsWire.Txt("9.18.49"))).Answers.Single().Text.ShouldBe("9.18.49");
    }

    [Fact]
    public void Truncated_and_hostile_messages_are_format_errors_not_crashes()
    {
        var query = new DnsQuery(7, "web.example.test", DnsRecordType.A).Encode();
        var reply = DnsWire.Reply(query, DnsResponseCode.NoError, DnsWire.Address("203.0.113.80"));

        Should.Throw<DnsFormatException>(() => DnsResponse.Parse(reply.AsSpan(0, 11)));
        for (var cut = 12; cut < reply.Length; cut++)
        {
            Should.Throw<DnsFormatException>(() => DnsResponse.Parse(reply.AsSpan(0, cut)), $"cut at {cut}");
        }

        // A pointer that points at itself would loop forever.
        var looping = (byte[])reply.Clone();
        looping[query.Length] = 0xc0;
        looping[query.Length + 1] = (byte)query.Length;
        Should.Throw<DnsFormatException>(() => DnsResponse.Parse(looping));
    }

    [Fact]
    public void A_name_read_through_a_pointer_continues_after_the_pointer()
    {
        byte[] message = [.. new byte[12], 3, (byte)'a', (byte)'b', (byte)'c', 0, 1, (byte)'x', 0xc0, 12, 9];
        var offset = 17;

        DnsResponse.ReadName(message, ref offset).ShouldBe("x.abc");
        offset.ShouldBe(21);
    }
}
