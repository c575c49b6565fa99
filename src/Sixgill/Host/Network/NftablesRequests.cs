namespace Sixgill.Host.Network;

/// <summary>
/// The nftables requests Sixgill sends over nfnetlink, as whole datagrams (linux/netfilter/nfnetlink.h,
/// nf_tables.h): a get of one table, and the batch that deletes one, as <c>nft</c> sends them. Every
/// message's payload starts with a 4-byte <c>nfgenmsg</c> (family, version 0, resource id big-endian).
/// Pure: tested without a socket.
/// </summary>
internal static class NftablesRequests
{
    public const ushort GetTable = (Subsystem << 8) | 1;    // NFT_MSG_GETTABLE
    public const ushort DeleteTable = (Subsystem << 8) | 2; // NFT_MSG_DELTABLE

    private const ushort Subsystem = 10;     // NFNL_SUBSYS_NFTABLES
    private const ushort BatchBegin = 0x10;  // NFNL_MSG_BATCH_BEGIN
    private const ushort BatchEnd = 0x11;    // NFNL_MSG_BATCH_END
    private const ushort TableName = 1;      // NFTA_TABLE_NAME
    private const byte Unspecified = 0;      // AF_UNSPEC, the family of a batch's begin and end

    /// <summary>
    /// The number of an nft family name (<c>NFPROTO_*</c>): ip 2, ip6 10, inet 1, arp 3, bridge 7,
    /// netdev 5; null for a name nft does not know (then nft itself is asked, and says so).
    /// </summary>
    public static byte? Family(string family) => family switch
    {
        "ip" => 2,
        "ip6" => 10,
        "inet" => 1,
        "arp" => 3,
        "bridge" => 7,
        "netdev" => 5,
        _ => null,
    };

    /// <summary>A get of the table <paramref name="name"/> of <paramref name="family"/>, acknowledged: ENOENT when there is none.</summary>
    public static byte[] Get(byte family, string name, uint sequence) =>
        NetlinkFrames.Message(GetTable, NetlinkFrames.Request | NetlinkFrames.Acknowledge, sequence, Table(family, name));

    /// <summary>
    /// One transaction deleting the table: batch begin (<paramref name="first"/>), the delete
    /// (<paramref name="first"/> + 1, acknowledged: ENOENT when there is none), batch end (+ 2).
    /// </summary>
    public static byte[] Delete(byte family, string name, uint first)
    {
        var batch = Batch();
        var table = Table(family, name);
        var datagram = new byte[(2 * NetlinkFrames.Size(batch.Length)) + NetlinkFrames.Size(table.Length)];
        var at = NetlinkFrames.Write(datagram, BatchBegin, NetlinkFrames.Request, first, batch);
        at += NetlinkFrames.Write(datagram.AsSpan(at), DeleteTable, NetlinkFrames.Request | NetlinkFrames.Acknowledge, first + 1, table);
        _ = NetlinkFrames.Write(datagram.AsSpan(at), BatchEnd, NetlinkFrames.Request, first + 2, batch);
        return datagram;
    }

    /// <summary>The <c>nfgenmsg</c> of a batch's begin and end: no family, the resource id the subsystem (big-endian).</summary>
    private static byte[] Batch() => [Unspecified, 0, 0, (byte)Subsystem];

    /// <summary>The <c>nfgenmsg</c> of <paramref name="family"/>, then <c>NFTA_TABLE_NAME</c> (NUL-terminated, padded).</summary>
    private static byte[] Table(byte family, string name) =>
        new NetlinkPayload(4, header => header[0] = family).String(TableName, name).ToArray();
}
