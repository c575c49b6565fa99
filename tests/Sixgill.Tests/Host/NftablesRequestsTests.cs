using Sixgill.Host.Network;

namespace Sixgill.Tests.Host;

/// <summary>The nfnetlink requests byte for byte; the layout is what <c>strace nft delete table ip sixgill</c> shows nft 1.0.6 send (there without the acknowledgement flag).</summary>
public sealed class NftablesRequestsTests
{
    [Fact]
    public void A_get_of_a_table_is_one_acknowledged_GETTABLE_with_the_family_and_the_name()
    {
        NftablesRequests.Get(2, "sixgill", 7).ShouldBe(Bytes(
            "20000000 010a 0500 07000000 00000000", // nlmsghdr: 32 bytes, NFT_MSG_GETTABLE (10 << 8 | 1), REQUEST | ACK, sequence 7
            "02 00 0000",                            // nfgenmsg: NFPROTO_IPV4, version 0, res_id 0
            "0c00 0100 73697867696c6c00"));          // NFTA_TABLE_NAME "sixgill\0"
    }

    [Fact]
    public void A_delete_is_one_batch_begin_delete_end_with_the_delete_acknowledged()
    {
        NftablesRequests.Delete(2, "sixgill", 1).ShouldBe(Bytes(
            "14000000 1000 0100 01000000 00000000", "00 00 000a", // NFNL_MSG_BATCH_BEGIN, REQUEST; AF_UNSPEC, res_id htons(NFNL_SUBSYS_NFTABLES)
            "20000000 020a 0500 02000000 00000000", "02 00 0000", "0c00 0100 73697867696c6c00", // NFT_MSG_DELTABLE, REQUEST | ACK
            "14000000 1100 0100 03000000 00000000", "00 00 000a")); // NFNL_MSG_BATCH_END
    }

    [Fact]
    public void A_name_is_NUL_terminated_and_padded_to_four_bytes()
    {
        // "nat\0" is 4: no padding; "other\0" is 6: two bytes of padding, not counted in the attribute's length.
        NftablesRequests.Get(10, "nat", 1)[20..].ShouldBe(Bytes("0800 0100 6e617400"));
        var other = NftablesRequests.Get(1, "other", 1);
        other[16].ShouldBe((byte)1);
        other[20..].ShouldBe(Bytes("0a00 0100 6f7468657200 0000"));
        BitConverter.ToUInt32(other).ShouldBe((uint)other.Length);
    }

    [Theory]
    [InlineData("ip", 2)]
    [InlineData("ip6", 10)]
    [InlineData("inet", 1)]
    [InlineData("arp", 3)]
    [InlineData("bridge", 7)]
    [InlineData("netdev", 5)]
    public void Each_family_nft_knows_has_its_NFPROTO_number(string family, int number) =>
        NftablesRequests.Family(family).ShouldBe((byte)number);

    [Theory]
    [InlineData("IP")]
    [InlineData("ipv4")]
    [InlineData("")]
    public void Any_other_family_has_none_so_nft_is_asked(string family) =>
        NftablesRequests.Family(family).ShouldBeNull();

    internal static byte[] Bytes(params string[] hex) => Convert.FromHexString(string.Concat(hex).Replace(" ", "", StringComparison.Ordinal));
}
