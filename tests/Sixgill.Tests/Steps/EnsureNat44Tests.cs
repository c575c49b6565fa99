using Sixgill.Host.Network;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;
using Sixgill.Values;

namespace Sixgill.Tests.Steps;

public sealed class EnsureNat44Tests
{
    private static EnsureNat44 Nat44 => new FakeGatewayNode().Step<EnsureNat44>("nftables:ip sixgill");

    [Fact]
    public void The_table_is_loaded_whole_and_deleted_whole()
    {
        var node = new FakeGatewayNode();
        node.Nftables.WithTable("inet", "filter");
        var before = node.Snapshot();
        Nat44.Probe(node.Context).State.ShouldBe(ProbeState.Absent);

        var undo = node.Apply(Nat44);

        Nat44.Probe(node.Context).ShouldBe(ProbeResult.Present);
        node.Nftables.FindTable("ip", "sixgill")!.Masquerades.ShouldBe([Prefix.Parse("198.51.100.128/25")]);
        undo.Revert(node.Context).Detail.ShouldBe("deleted table ip sixgill");
        node.Snapshot().ShouldBe(before);
        node.Nftables.Log.ShouldBe(["load", "delete table ip sixgill"]);
    }

    [Fact]
    public void A_table_of_that_name_masquerading_something_else_is_replaced()
    {
        var node = new FakeGatewayNode();
        node.Nftables.WithTable("ip", "sixgill", "10.0.0.0/8");

        Nat44.Probe(node.Context).ShouldBe(ProbeResult.Different("it masquerades 10.0.0.0/8"));
        node.Apply(Nat44);
        Nat44.Probe(node.Context).ShouldBe(ProbeResult.Present);
    }

    [Fact]
    public void Undo_never_deletes_a_table_that_is_not_sixgills_whatever_the_journal_says()
    {
        var node = new FakeGatewayNode();
        node.Nftables.WithTable("inet", "filter");

        Should.Throw<InvalidOperationException>(() => new DeleteNftTable("inet", "filter").Revert(node.Context));
        node.Nftables.FindTable("inet", "filter").ShouldNotBeNull();
        new DeleteNftTable("ip", "sixgill").Revert(node.Context).Status.ShouldBe(UndoStatus.NothingToDo);
    }

    [Fact]
    public void Undo_deletes_at_once_and_a_table_already_gone_is_nothing_to_do()
    {
        var node = new FakeGatewayNode();

        var outcome = new DeleteNftTable("ip", "sixgill").Revert(node.Context);

        (outcome.Status, outcome.Detail).ShouldBe((UndoStatus.NothingToDo, "table ip sixgill is gone"));
        node.Nftables.Log.ShouldBe(["delete table ip sixgill"]); // no listing first
    }

    [Fact]
    public void The_listing_of_the_table_is_read_for_its_masquerades()
    {
        const string listing = """
            {"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}}, {"table": {"family": "ip", "name": "sixgill", "handle": 2}}, {"chain": {"family": "ip", "table": "sixgill", "name": "postrouting", "handle": 1, "type": "nat", "hook": "postrouting", "prio": 100, "policy": "accept"}}, {"rule": {"family": "ip", "table": "sixgill", "chain": "postrouting", "handle": 2, "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": {"prefix": {"addr": "198.51.100.128", "len": 25}}}}, {"masquerade": null}]}}]}
            """;

        NftJson.Table(listing).ShouldBe(new NftTable("ip", "sixgill", [Prefix.Parse("198.51.100.128/25")]), new NftTableComparer());
        NftJson.Table("""{"nftables": [{"metainfo": {}}]}""").ShouldBeNull();
        NftJson.Table("""{"nftables": [{"table": {"family": "ip", "name": "sixgill", "handle": 2}}, {"rule": {"expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": "198.51.100.7"}}, {"accept": null}]}}]}""")!
            .Masquerades.ShouldBeEmpty();
    }

    private sealed class NftTableComparer : IEqualityComparer<NftTable>
    {
        public bool Equals(NftTable? x, NftTable? y) => x is not null && y is not null && x.Family == y.Family && x.Name == y.Name && x.Masquerades.SequenceEqual(y.Masquerades);

        public int GetHashCode(NftTable obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
