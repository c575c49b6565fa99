using Sixgill.Host.Network;
using Sixgill.Machine;
using Sixgill.Tests.Engine.Fakes;
using Sixgill.Values;

namespace Sixgill.Tests.Host;

public sealed class NftCommandTests
{
    // Captured from nft 1.0.6 (`nft -e -j -f -` of the gateway's ruleset): the kernel's echo after the commit.
    private const string EchoOfNewTable = """
        {"nftables": [{"add": {"table": {"family": "ip", "name": "sixgill", "handle": 1}}}, {"add": {"table": {"family": "ip", "name": "sixgill", "handle": 2}}}, {"add": {"chain": {"family": "ip", "table": "sixgill", "name": "postrouting", "handle": 1, "type": "nat", "hook": "postrouting", "prio": 100, "policy": "accept"}}}, {"add": {"rule": {"family": "ip", "table": "sixgill", "chain": "postrouting", "handle": 2, "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": {"prefix": {"addr": "192.168.255.0", "len": 24}}}}, {"masquerade": null}]}}}]}
        """;

    // The same ruleset loaded over an existing table: only a rule added to it (no "add table") is not the whole table.
    private const string EchoOfAddedRule = """
        {"nftables": [{"add": {"rule": {"family": "ip", "table": "sixgill", "chain": "postrouting", "handle": 3, "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": {"prefix": {"addr": "10.0.0.0", "len": 8}}}}, {"masquerade": null}]}}}]}
        """;

    // `list table` at the end of a loaded script: nft answers from what it parsed (handle 0, the rule missing), not from the kernel.
    private const string ListInScript = """
        {"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}}, {"table": {"family": "ip", "name": "sixgill", "handle": 0}}, {"chain": {"family": "ip", "table": "sixgill", "name": "postrouting", "handle": 0, "type": "nat", "hook": "postrouting", "prio": 100, "policy": "accept"}}]}
        """;

    private const string Listing = """
        {"nftables": [{"metainfo": {"version": "1.0.6"}}, {"table": {"family": "ip", "name": "sixgill", "handle": 2}}, {"rule": {"family": "ip", "table": "sixgill", "chain": "postrouting", "handle": 2, "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": {"prefix": {"addr": "10.1.0.0", "len": 16}}}}, {"masquerade": null}]}}]}
        """;

    [Fact]
    public void A_table_the_load_made_is_read_from_the_echo_with_its_masquerades()
    {
        var table = NftJson.Created(EchoOfNewTable).ShouldHaveSingleItem();
        (table.Family, table.Name).ShouldBe(("ip", "sixgill"));
        table.Masquerades.ShouldBe([Prefix.Parse("192.168.255.0/24")]);
    }

    [Theory]
    [InlineData(EchoOfAddedRule)]
    [InlineData(ListInScript)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"nftables": [{"add": {"table": {"family": "ip", "name": "sixgill", "handle": 0}}}]}""")]
    [InlineData("""{"nftables": [{"add": {"table": {"family": "ip", "name": "sixgill", "handle": 4}}}, {"delete": {"rule": {"family": "ip", "table": "sixgill", "chain": "postrouting", "handle": 2}}}]}""")]
    public void An_echo_that_is_not_a_whole_new_table_from_the_kernel_gives_none(string echo) =>
        NftJson.Created(echo).ShouldBeEmpty();

    [Fact]
    public void A_table_deleted_and_made_again_in_the_echo_is_its_last_making()
    {
        const string echo = """
            {"nftables": [{"add": {"table": {"family": "ip", "name": "sixgill", "handle": 1}}}, {"add": {"rule": {"family": "ip", "table": "sixgill", "chain": "c", "handle": 2, "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": {"prefix": {"addr": "10.0.0.0", "len": 8}}}}, {"masquerade": null}]}}}, {"delete": {"table": {"family": "ip", "name": "sixgill", "handle": 1}}}, {"add": {"table": {"family": "ip", "name": "sixgill", "handle": 3}}}]}
            """;
        NftJson.Created(echo).ShouldHaveSingleItem().Masquerades.ShouldBeEmpty();
    }

    [Fact]
    public void The_check_right_after_a_load_reads_its_echo_and_any_later_one_lists_again()
    {
        var runner = new FakeProcessRunner().Then(EchoOfNewTable).Then(Listing);
        var nft = new NftCommand(runner);

        nft.Load("table ip sixgill { }\n");
        nft.FindTable("ip", "sixgill")!.Masquerades.ShouldBe([Prefix.Parse("192.168.255.0/24")]);
        nft.FindTable("ip", "sixgill")!.Masquerades.ShouldBe([Prefix.Parse("10.1.0.0/16")]);

        runner.Commands.Select(c => c[(c.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ShouldBe(["-e -j -f -", "-j list table ip sixgill"]);
        runner.Requests[0].StandardInput.ShouldBe("table ip sixgill { }\n");
    }

    [Fact]
    public void A_load_whose_echo_is_not_the_whole_table_is_checked_by_a_listing()
    {
        var runner = new FakeProcessRunner().Then(EchoOfAddedRule).Then(Listing);
        var nft = new NftCommand(runner);

        nft.Load("add rule ip sixgill postrouting ip saddr 10.0.0.0/8 masquerade\n");
        nft.FindTable("ip", "sixgill")!.Masquerades.ShouldBe([Prefix.Parse("10.1.0.0/16")]);
        runner.Commands.Count.ShouldBe(2);
    }

    [Fact]
    public void A_failed_load_leaves_no_echo_behind()
    {
        var runner = new FakeProcessRunner().Then(EchoOfNewTable).Then("", 1, "Error: syntax error").Then(Listing);
        var nft = new NftCommand(runner);

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
        var nft = new NftCommand(runner);

        nft.DeleteTable("ip", "sixgill").ShouldBeTrue();
        nft.DeleteTable("ip", "sixgill").ShouldBeFalse();
        Should.Throw<ProcessFailedException>(() => nft.DeleteTable("ip", "sixgill"));
        runner.Commands.ShouldAllBe(c => c.EndsWith(" delete table ip sixgill", StringComparison.Ordinal));
    }
}
