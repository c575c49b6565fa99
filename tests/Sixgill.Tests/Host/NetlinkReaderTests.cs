using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Sixgill.Host.Network;
using Sixgill.Host.Processes;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Tests.Host;

/// <summary>Reading links, addresses and routes over rtnetlink: the messages by hand, and the same answers as <c>ip -j</c> on this machine (read only).</summary>
public sealed class NetlinkReaderTests
{
    [Fact]
    public async Task On_this_machine_netlink_answers_exactly_as_ip_j_does()
    {
        using var netlink = NetlinkReader.TryOpen().ShouldNotBeNull("an rtnetlink socket can be opened by any user");
        var ip = new IpJsonReader(command => new ProcessRunner().RunAsync(command, TestContext.Current.CancellationToken).GetAwaiter().GetResult());
        using var links = JsonDocument.Parse((await new ProcessRunner().RunCheckedAsync(["ip", "-j", "link", "show"], TestContext.Current.CancellationToken)).StandardOutput);

        var names = links.RootElement.EnumerateArray().Select(l => l.GetProperty("ifname").GetString()!).ToList();
        names.ShouldNotBeEmpty("ip link lists at least lo");
        foreach (var name in names)
        {
            var fromNetlink = netlink.Link(name).ShouldNotBeNull(name);
            var fromIp = ip.Link(name).ShouldNotBeNull(name);
            fromNetlink.Link.ShouldBe(fromIp.Link);
            fromNetlink.Addresses.ShouldBe(fromIp.Addresses, ignoreOrder: true);
        }

        netlink.Link("sg-nosuch0").ShouldBeNull();
        ip.Link("sg-nosuch0").ShouldBeNull();
        foreach (var family in new[] { IpFamily.V6, IpFamily.V4 })
        {
            netlink.MainRoutes(family).ShouldBe(ip.MainRoutes(family), ignoreOrder: true, family.ToString());
        }
    }

    [Fact]
    public void A_link_message_gives_index_name_and_whether_it_is_up()
    {
        var message = Message(Header(16, h => { Int(h, 4, 3); Int(h, 8, 0x1 | 0x2 | 0x1000); }), NetlinkAttribute.Of(3, Encoding.ASCII.GetBytes("eth1\0")), NetlinkAttribute.Of(4, [0, 5, 0, 0]));

        RtNetlinkMessages.Link(message).ShouldBe(new NetlinkLink(3, "eth1", true));
        RtNetlinkMessages.Link(Message(Header(16, h => Int(h, 4, 7)), NetlinkAttribute.Of(3, Encoding.ASCII.GetBytes("eth2\0")))).IsUp.ShouldBeFalse();
    }

    [Fact]
    public void An_address_message_gives_the_address_its_length_and_its_DAD_state_from_the_32_bit_flags()
    {
        var address = Ip.Parse("fd00:20::3");
        var message = Message(
            Header(8, h => { h[0] = 10; h[1] = 64; h[2] = 0; Int(h, 4, 3); }),
            NetlinkAttribute.Of(1, address.ToIPAddress().GetAddressBytes()),
            NetlinkAttribute.Of(8, BitConverter.GetBytes(0x40u | 0x08u)));

        RtNetlinkMessages.Address(message).ShouldBe(new NetlinkAddress(3, new AddressState(InterfaceAddress.Parse("fd00:20::3/64"), true, true)));
    }

    [Fact]
    public void A_point_to_point_address_is_its_local_end_as_ip_prints_it()
    {
        var message = Message(
            Header(8, h => { h[0] = 2; h[1] = 32; Int(h, 4, 9); }),
            NetlinkAttribute.Of(1, [10, 0, 0, 2]),
            NetlinkAttribute.Of(2, [10, 0, 0, 1]));

        RtNetlinkMessages.Address(message)!.State.Address.ShouldBe(InterfaceAddress.Parse("10.0.0.1/32"));
        RtNetlinkMessages.Address(Message(Header(8, h => h[0] = 17))).ShouldBeNull("not IPv4 or IPv6");
    }

    [Fact]
    public void A_route_message_gives_table_destination_gateway_and_output_link()
    {
        var message = Message(
            Header(12, h => { h[0] = 10; h[1] = 96; h[4] = 254; }),
            NetlinkAttribute.Of(15, BitConverter.GetBytes(254u)),
            NetlinkAttribute.Of(1, Ip.Parse("fd00:10:64:ff9b::").ToIPAddress().GetAddressBytes()),
            NetlinkAttribute.Of(5, Ip.Parse("fd00:20::2").ToIPAddress().GetAddressBytes()),
            NetlinkAttribute.Of(4, BitConverter.GetBytes(3)));

        RtNetlinkMessages.Route(message).ShouldBe(new NetlinkRoute(254, Prefix.Parse("fd00:10:64:ff9b::/96"), Ip.Parse("fd00:20::2"), 3, false));
    }

    [Fact]
    public void A_default_route_has_no_destination_attribute_and_a_table_above_255_comes_from_its_attribute()
    {
        var message = Message(Header(12, h => { h[0] = 2; h[4] = 252; Int(h, 8, 0x200); }), NetlinkAttribute.Of(15, BitConverter.GetBytes(1000u)));

        RtNetlinkMessages.Route(message).ShouldBe(new NetlinkRoute(1000, Prefix.Parse("0.0.0.0/0"), null, null, true));
    }

    [Fact]
    public void An_attribute_that_runs_past_its_message_is_an_error_not_a_guess()
    {
        var message = Message(Header(16, _ => { }), [200, 0, 3, 0, (byte)'e']);

        Should.Throw<FormatException>(() => RtNetlinkMessages.Link(message));
        Should.Throw<FormatException>(() => RtNetlinkMessages.Route(new byte[4]));
    }

    [Fact]
    public void An_attribute_shorter_than_its_own_four_bytes_is_an_error_not_an_endless_walk()
    {
        Should.Throw<FormatException>(() => RtNetlinkMessages.Link(Message(Header(16, _ => { }), [2, 0, 3, 0])))
            .Message.ShouldBe("rtnetlink attribute of 2 bytes at 16 does not fit its message of 20");
        Should.Throw<FormatException>(() => RtNetlinkMessages.Route(Message(Header(12, h => h[0] = 10), NetlinkAttribute.Of(15, BitConverter.GetBytes(254u)), [0, 0, 1, 0])));
    }

    [Fact]
    public void The_last_attribute_needs_no_padding_and_fewer_than_four_bytes_after_it_are_not_an_attribute()
    {
        byte[] unpadded = [.. Header(16, h => Int(h, 4, 2)), 7, 0, 3, 0, (byte)'l', (byte)'o', 0];
        RtNetlinkMessages.Link(unpadded).ShouldBe(new NetlinkLink(2, "lo", false));

        byte[] tail = [.. Message(Header(16, h => Int(h, 4, 2)), NetlinkAttribute.Of(3, Encoding.ASCII.GetBytes("lo\0"))), 9, 9, 9];
        RtNetlinkMessages.Link(tail).ShouldBe(new NetlinkLink(2, "lo", false));
    }

    [Fact]
    public void Messages_as_the_kernel_sent_them_are_read_attribute_by_attribute_to_their_end()
    {
        // Captured from a dump in a fresh network namespace: lo (38 attributes, the last two nested and
        // empty), its address ::1/128, and the route fe80::/64 on link 2.
        var link = Convert.FromBase64String(LoopbackLink);
        var types = new List<ushort>();
        var valueBytes = 0;
        foreach (var attribute in RtNetlinkMessages.Attributes(link, 16))
        {
            types.Add(attribute.Type);
            valueBytes += attribute.Value.Length;
        }

        types.Count.ShouldBe(38);
        types[0].ShouldBe((ushort)3, "IFLA_IFNAME first");
        types[^2..].ShouldBe([(ushort)62, (ushort)65], "NLA_F_NESTED masked off");
        valueBytes.ShouldBe(1452 - 16 - (38 * 4) - 24, "the whole message less the header, 38 attribute headers and the padding after short values");
        RtNetlinkMessages.Link(link).ShouldBe(new NetlinkLink(1, "lo", true));

        var address = Convert.FromHexString("0a8080fe01000000140001000000000000000000000000000000000114000600fffffffffffffffffc2f4300fc2f4300080008008000000005000b0001000000");
        RtNetlinkMessages.Address(address).ShouldBe(new NetlinkAddress(1, new AddressState(InterfaceAddress.Parse("::1/128"), false, false)));

        var route = Convert.FromHexString(
            "0a400000fe0200010000000008000f00fe00000014000100fe80000000000000000000000000000008000600000100000800"
            + "04000200000024000c0000000000000000000000000000000000000000000000000000000000000000000500140000000000");
        RtNetlinkMessages.Route(route).ShouldBe(new NetlinkRoute(254, Prefix.Parse("fe80::/64"), null, 2, false));
    }

    private const string LoopbackLink =
        "AAAEAwEAAABJAAEAAAAAAAcAAwBsbwAACAANAOgDAAAFABAAAAAAAAUAEQAAAAAABQBDAAEAAAAIAAQAAAABAAgAMgAAAAAACAAz"
        + "AAAAAAAIABsAAAAAAAgAHgAAAAAACAA9AAAAAAAIAB8AAQAAAAgAKAD//wAACAApAAAAAQAIADoAAAABAAgAPwAAAAEACABAAAAA"
        + "AQAIADsA+P8HAAgAPAD//wAACABCAAAAAAAIACAAAQAAAAUAIQABAAAACAAjAAAAAAAIAC8AAAAAAAgAMAAAAAAABgBEAAAAAAAG"
        + "AEUAAAAAAAUAJwAAAAAACgABAAAAAAAAAAAACgACAAAAAAAAAAAAzAAXAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAZAAHAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAwAKwAFAAIAAAAAAAwABgBub3F1ZXVlADADGgCMAAIA"
        + "iAABAAAAAAAAAAAAAAAAAAEAAAABAAAAAQAAAAEAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAEAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAECcAAOgDAAAAAAAAAAAAAAAAAAAAAAAAAQAAAKACCgAIAAEAAAAAgBQA"
        + "BQD//wAA/C9DAJBdAADoAwAA9AACAAAAAABAAAAAAAABAAEAAAABAAAAAQAAAAEAAAD/////oA8AAOgDAAD/////gDoJAIBRAQAD"
        + "AAAAWAIAABAAAAAAAAAAAQAAAAEAAAABAAAAYOoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP////8AAAAAAAAAABAnAADoAwAA"
        + "AQAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAACA7jYAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAABAAAAAAAAP//AAD/////AQAAAAAAAAAAAAAAAAAAADQBAwAmAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPAAGAAcAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFAAHAAAAAAAAAAAAAAAAAAAAAAAFAAgAAAAAACQADgAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAQAPoAEAEGA";

    private static byte[] Header(int size, Action<byte[]> fill)
    {
        var header = new byte[size];
        fill(header);
        return header;
    }

    private static void Int(byte[] bytes, int offset, int value) => BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), value);


    private static byte[] Message(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
