using System.Buffers.Binary;
using System.Text;
using Sixgill.Host.Network;

namespace Sixgill.Tests.Host;

/// <summary>Reading the kernel's answers: acknowledgements, refusals of the request or of the batch around it, replies, strays.</summary>
public sealed class NetlinkFramesTests
{
    private const ushort BatchBegin = 0x10;
    private const ushort NewTable = (10 << 8) | 0; // NFT_MSG_NEWTABLE, the reply to a get

    // A delete batch sent as sequences 4 (begin), 5 (the delete), 6 (end).
    private static readonly NetlinkExchange Batch = new(4, 6, 5);

    [Fact]
    public void The_acknowledgement_of_the_request_ends_the_answer()
    {
        var answers = new List<int>();
        NetlinkFrames.Read(Error(5, 0, NftablesRequests.DeleteTable), Batch, "nfnetlink", Count, answers, out var refusal).ShouldBeTrue();
        refusal.ShouldBeNull();
        answers.ShouldBeEmpty();
    }

    [Fact]
    public void No_such_table_is_a_refusal_of_the_delete_with_ENOENT()
    {
        var refusal = Refused(Error(5, 2, NftablesRequests.DeleteTable), Batch);

        refusal.Errno.ShouldBe(NetlinkRefusal.NoSuchFile);
        refusal.Request.ShouldBe(NftablesRequests.DeleteTable);
        refusal.KernelText.ShouldBeNull();
        refusal.Message.ShouldBe("nfnetlink request 2562: No such file or directory (errno 2)");
    }

    [Fact]
    public void Another_errno_is_said_as_nft_says_it_with_the_kernels_words()
    {
        var refusal = Refused(Error(5, 16, NftablesRequests.DeleteTable, "table in use"), Batch);

        refusal.Errno.ShouldBe(16);
        refusal.KernelText.ShouldBe("table in use");
        refusal.AsNftWouldSay().ShouldBe("Error: Could not process rule: Device or resource busy (errno 16; the kernel: table in use)");
        new NetlinkRefusal("nfnetlink", NftablesRequests.DeleteTable, 16, null).AsNftWouldSay().ShouldBe("Error: Could not process rule: Device or resource busy (errno 16)");
    }

    [Fact]
    public void A_refusal_of_the_batch_itself_names_the_batch_begin_and_ends_the_exchange()
    {
        // Without CAP_NET_ADMIN the kernel answers the first message only: the delete is never looked at.
        var refusal = Refused(Error(4, 1, BatchBegin), Batch);

        refusal.Errno.ShouldBe(NetlinkRefusal.NotPermitted);
        refusal.Request.ShouldBe(BatchBegin);
    }

    [Fact]
    public void A_reply_then_its_acknowledgement_is_the_whole_answer_and_strays_are_skipped()
    {
        var get = NetlinkExchange.Single(9);
        var answers = new List<int>();
        byte[] datagram = [.. Message(8, NewTable, [1, 2]), .. Error(8, 2, NftablesRequests.GetTable), .. Message(9, NewTable, [1, 2, 3, 4, 5, 6]), .. Error(9, 0, NftablesRequests.GetTable)];

        NetlinkFrames.Read(datagram, get, "nfnetlink", Count, answers, out var refusal).ShouldBeTrue();
        refusal.ShouldBeNull();
        answers.ShouldBe([6], "one reply of 6 bytes; sequence 8's reply and refusal are not this exchange's");
    }

    [Fact]
    public void A_datagram_without_the_end_of_the_answer_asks_for_more()
    {
        var answers = new List<int>();
        NetlinkFrames.Read(Message(9, NewTable, [1, 2, 3, 4]), NetlinkExchange.Single(9), "nfnetlink", Count, answers, out _).ShouldBeFalse();
        NetlinkFrames.Read(Message(9, NetlinkFrames.Done, [0, 0, 0, 0]), NetlinkExchange.Single(9), "nfnetlink", Count, answers, out var refusal).ShouldBeTrue();
        refusal.ShouldBeNull();
        answers.ShouldBe([4]);
    }

    [Fact]
    public void A_message_longer_than_the_datagram_is_an_error()
    {
        var message = Message(9, NewTable, [1, 2, 3, 4]);
        Should.Throw<IOException>(() => NetlinkFrames.Read(message.AsSpan(0, 18), NetlinkExchange.Single(9), "nfnetlink", Count, [], out _))
            .Message.ShouldBe("nfnetlink: a message of 20 bytes at 0 does not fit the 18 received");
    }

    private static int Count(ReadOnlySpan<byte> payload) => payload.Length;

    /// <summary>The refusal that ends the exchange (returned, not thrown); the answers stay empty.</summary>
    private static NetlinkRefusal Refused(byte[] datagram, NetlinkExchange exchange)
    {
        var answers = new List<int>();
        NetlinkFrames.Read(datagram, exchange, "nfnetlink", Count, answers, out var refusal).ShouldBeTrue();
        answers.ShouldBeEmpty();
        return refusal.ShouldNotBeNull();
    }

    private static byte[] Message(uint sequence, ushort type, byte[] payload) => NetlinkFrames.Message(type, 0, sequence, payload);

    /// <summary>An error message as the kernel sends it on a socket with NETLINK_CAP_ACK: errno, the request's header, and with a text NLMSGERR_ATTR_MSG.</summary>
    private static byte[] Error(uint sequence, int errno, ushort request, string? text = null)
    {
        var echoed = NetlinkFrames.Message(request, 5, sequence, []);
        var attribute = text is null ? [] : NetlinkAttribute.Of(1, Encoding.UTF8.GetBytes(text + "\0"));
        var payload = new byte[4 + echoed.Length + attribute.Length];
        BinaryPrimitives.WriteInt32LittleEndian(payload, -errno);
        echoed.CopyTo(payload, 4);
        attribute.CopyTo(payload, 4 + echoed.Length);
        return NetlinkFrames.Message(NetlinkFrames.Error, (ushort)(0x100 | (text is null ? 0 : 0x200)), sequence, payload);
    }
}
