using Sixgill.Host.Network;
using Sixgill.Machine;
using Sixgill.Tests.Engine.Fakes;
using Sixgill.Values;

namespace Sixgill.Tests.Host;

/// <summary>
/// <see cref="NftCommand"/> where no nfnetlink socket can be had (as where the kernel refuses one):
/// everything goes through <c>nft</c>, as before. The kernel's own answers are tested against a real
/// kernel in a lab node (the integration tests' <c>NftablesNetlinkTests</c>).
/// </summary>
public sealed class NftCommandTests
{
    // Captured from nft 1.0.6 (`nft -e -a -f -` of the gateway's ruleset, from a pipe): the kernel's echo after the commit.
    private const string EchoOfNewTable = """
        add table ip sixgill # handle 1
        add table ip sixgill # handle 2
        add chain ip sixgill postrouting { type nat hook postrouting priority srcnat; policy accept; } # handle 1
        add rule ip sixgill postrouting ip saddr 192.168.255.0/24 masquerade # handle 2
        # new generation 2 by process 10952 (nft)

        """;

    // The same ruleset loaded over an existing table: the declaration of the existing table is not echoed, its re-creation is.
    private const string EchoOverExistingTable = """
        add table ip sixgill # handle 3
        add chain ip sixgill postrouting { type nat hook postrouting priority srcnat; policy accept; } # handle 1
        add rule ip sixgill postrouting ip saddr 192.168.255.7 masquerade # handle 2
        # new generation 3 by process 10954 (nft)

        """;

    // A rule added to an existing table: not the whole table.
    private const string EchoOfAddedRule = """
        add rule ip sixgill postrouting ip saddr 10.0.0.0/8 masquerade # handle 3
        # new generation 4 by process 10956 (nft)

        """;

    // Without -a there are no handles: nothing says the lines came from the kernel.
    private const string EchoWithoutHandles = """
        add table ip sixgill
        add rule ip sixgill postrouting ip saddr 192.168.255.0/24 masquerade

        """;

    private const string Listing = """
        {"nftables": [{"metainfo": {"version": "1.0.6"}}, {"table": {"family": "ip", "name": "sixgill", "handle": 2}}, {"rule": {"family": "ip", "table": "sixgill", "chain": "postrouting", "handle": 2, "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": {"prefix": {"addr": "10.1.0.0", "len": 16}}}}, {"masquerade": null}]}}]}
        """;

    [Fact]
    public void A_table_the_load_made_is_read_from_the_echo_with_its_masquerades()
    {
        var table = NftEcho.Created(EchoOfNewTable).ShouldHaveSingleItem();
        (table.Family, table.Name).ShouldBe(("ip", "sixgill"));
        table.Masquerades.ShouldBe([Prefix.Parse("192.168.255.0/24")]);
        NftEcho.Created(EchoOverExistingTable).ShouldHaveSingleItem().Masquerades.ShouldBe([Prefix.Parse("192.168.255.7/32")]);
    }

    [Theory]
    [InlineData(EchoOfAddedRule)]
    [InlineData(EchoWithoutHandles)]
    [InlineData("")]
    [InlineData("""{"nftables": [{"add": {"table": {"family": "ip", "name": "sixgill", "handle": 1}}}]}""")]
    [InlineData("add table ip sixgill # handle 0\n")]
    [InlineData("add table ip sixgill # handle 4\ndelete rule ip sixgill postrouting handle 2\n")]
    public void An_echo_that_is_not_a_whole_new_table_from_the_kernel_gives_none(string echo) =>
        NftEcho.Created(echo).ShouldBeEmpty();

    [Fact]
    public void A_table_deleted_and_made_again_in_the_echo_is_its_last_making()
    {
        const string echo = """
            add table ip sixgill # handle 1
            add rule ip sixgill c ip saddr 10.0.0.0/8 masquerade # handle 2
            delete table ip sixgill # handle 1
            add table ip sixgill # handle 3

            """;
        NftEcho.Created(echo).ShouldHaveSingleItem().Masquerades.ShouldBeEmpty();
    }

    [Fact]
    public void The_check_right_after_a_load_reads_its_echo_and_any_later_one_lists_again()
    {
        var runner = new FakeProcessRunner().Then(EchoOfNewTable).Then(Listing);
        var nft = new NftCommand(runner, NoKernel);

        nft.Load("table ip sixgill { }\n");
        nft.FindTable("ip", "sixgill")!.Masquerades.ShouldBe([Prefix.Parse("192.168.255.0/24")]);
        nft.FindTable("ip", "sixgill")!.Masquerades.ShouldBe([Prefix.Parse("10.1.0.0/16")]);

        runner.Commands.Select(c => c[(c.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ShouldBe(["-e -a -f -", "-j list table ip sixgill"]);
        runner.Requests[0].StandardInput.ShouldBe("table ip sixgill { }\n");
    }

    [Fact]
    public void A_load_whose_echo_is_not_the_whole_table_is_checked_by_a_listing()
    {
        var runner = new FakeProcessRunner().Then(EchoOfAddedRule).Then(Listing);
        var nft = new NftCommand(runner, NoKernel);

        nft.Load("add rule ip sixgill postrouting ip saddr 10.0.0.0/8 masquerade\n");
        nft.FindTable("ip", "sixgill")!.Masquerades.ShouldBe([Prefix.Parse("10.1.0.0/16")]);
        runner.Commands.Count.ShouldBe(2);
    }

    [Fact]
    public void A_failed_load_leaves_no_echo_behind()
    {
        var runner = new FakeProcessRunner().Then(EchoOfNewTable).Then("", 1, "Error: syntax error").Then(Listing);
        var nft = new NftCommand(runner, NoKernel);

        nft.Load("table ip sixgill { }\n");
        Should.Throw<ProcessFailedException>(() => nft.Load("nonsense\n"));
        nft.FindTable("ip", "sixgill")!.Masquerades.ShouldBe([Prefix.Parse("10.1.0.0/16")]);
    }

    [Fact]
    public void Deleting_a_table_that_is_gone_answers_false_and_any_other_failure_throws()
    {
        var runner = new FakeProcessRunner()
            .Then("")
            .Then("", 1, "Error: Could not process rule: No such file or directory\ndelete table ip sixgill\n                ^^^^^^^\n")
            .Then("", 1, "Error: Could not process rule: Operation not permitted\n");
        var nft = new NftCommand(runner, NoKernel);

        nft.DeleteTable("ip", "sixgill").ShouldBeTrue();
        nft.DeleteTable("ip", "sixgill").ShouldBeFalse();
        Should.Throw<ProcessFailedException>(() => nft.DeleteTable("ip", "sixgill"));
        runner.Commands.ShouldAllBe(c => c.EndsWith(" delete table ip sixgill", StringComparison.Ordinal));
    }

    private static NftablesNetlink? NoKernel() => null;
}
