using Sixgill.Machine;
using Sixgill.Planning;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Engine;

/// <summary>The gateway's steps through the executor: prepare, a second prepare, clean, failures and crashes.</summary>
public sealed class GatewayPrepareTests : IDisposable
{
    private readonly TempDirectory directory = new("sixgill-gateway-");

    [Fact]
    public void Prepare_sets_up_every_service_and_clean_leaves_nothing_of_sixgills()
    {
        var node = new FakeGatewayNode();
        var before = node.Snapshot();

        var run = node.Executor().Run("prepare", FakeGatewayNode.GatewaySteps);

        run.Succeeded.ShouldBeTrue(run.Failure?.Error.ToString());
        node.Network.Snapshot().ShouldContain("sixgill0 up: fd00:10::100/64");
        node.Network.Snapshot().ShouldContain("nat64 up:");
        node.Network.Snapshot().ShouldContain("route fd00:10:64:ff9b::/96 dev nat64");
        node.Nftables.Snapshot().ShouldBe("table ip sixgill: 198.51.100.128/25\n");
        node.Processes.All.Select(p => p.Name).ShouldBe(["named", "tayga"]);
        node.Files.OwnerOf("/var/lib/sixgill/dns64").ShouldBe((FakeGatewayNode.BindId, FakeGatewayNode.BindId));

        var clean = node.Executor().Undo("prepare", FakeGatewayNode.GatewaySteps);

        clean.Succeeded.ShouldBeTrue(string.Join("; ", clean.Results.Select(r => r.Error)));
        clean.Results[0].Description.ShouldBe("stop tayga -c /etc/sixgill/nat64/tayga.conf");
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_second_prepare_changes_nothing()
    {
        var node = new FakeGatewayNode();
        node.Executor().Run("prepare", FakeGatewayNode.GatewaySteps).Succeeded.ShouldBeTrue();
        var after = node.Snapshot();
        var programs = node.Programs.Log.Count;

        var again = node.Executor().Run("prepare", FakeGatewayNode.GatewaySteps);

        again.AppliedCount.ShouldBe(0);
        node.Snapshot().ShouldBe(after);
        node.Programs.Log.Count.ShouldBe(programs);
        node.Executor().Plan(FakeGatewayNode.GatewaySteps).HasChanges.ShouldBeFalse();
    }

    [Fact]
    public void A_missing_program_stops_prepare_before_any_change()
    {
        var node = new FakeGatewayNode();
        node.Programs.Installed.Remove("tayga");
        var before = node.Snapshot();

        Should.Throw<PreconditionFailedException>(() => node.Executor().Run("prepare", FakeGatewayNode.GatewaySteps)).Message
            .ShouldContain("apt-get install -y tayga");

        node.Snapshot().ShouldBe(before);
        node.Journal.Saves.ShouldBeEmpty();
        node.Executor().Plan(FakeGatewayNode.GatewaySteps).Lines[0].Symbol.ShouldBe('?');
    }

    [Fact]
    public void A_config_named_refuses_rolls_back_everything_before_it()
    {
        var node = new FakeGatewayNode();
        var before = node.Snapshot();
        node.Programs.FailWith = line => line.StartsWith("named-checkconf", StringComparison.Ordinal) ? "/etc/sixgill/dns64/named.conf:3: unknown option 'x'" : null;

        var run = node.Executor().Run("prepare", FakeGatewayNode.GatewaySteps);

        run.Failure!.StepId.ShouldBe("daemon:named");
        run.Failure.Message.ShouldContain("/etc/sixgill/dns64/named.conf is refused by named-checkconf");
        run.Failure.Message.ShouldContain("unknown option 'x'");
        run.RolledBack.ShouldAllBe(r => !r.Failed);
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Clean_without_a_journal_finds_and_removes_the_services_by_their_names()
    {
        var node = new FakeGatewayNode();
        var before = node.Snapshot();
        node.Executor().Run("prepare", FakeGatewayNode.GatewaySteps).Succeeded.ShouldBeTrue();
        node.Files.Delete("/var/lib/sixgill/journal.json");

        var clean = node.Executor().Undo("prepare", FakeGatewayNode.GatewaySteps);

        clean.FromJournal.ShouldBeFalse();
        clean.Succeeded.ShouldBeTrue(string.Join("; ", clean.Results.Select(r => r.Error)));
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void With_systemd_the_daemons_are_units_enabled_and_running_and_clean_disables_and_removes_them()
    {
        var node = new FakeGatewayNode(supervision: Supervision.Systemd);
        var before = node.Snapshot();

        var run = node.Executor().Run("prepare", node.Steps);

        run.Succeeded.ShouldBeTrue(run.Failure?.Error.ToString());
        node.Systemd.Snapshot().ShouldBe("enabled sixgill-dns64.service\nenabled sixgill-nat64.service\nactive sixgill-dns64.service\nactive sixgill-nat64.service\n");
        node.Files.Text("/etc/systemd/system/sixgill-dns64.service")!.ShouldContain("ExecStart=/usr/sbin/named -f -u bind -c /etc/sixgill/dns64/named.conf");
        node.Files.Text("/etc/sixgill/nat64/nat44.nft")!.ShouldContain("masquerade");
        node.Processes.All.Select(p => p.Name).ShouldBe(["named", "tayga"]);
        node.Executor().Run("prepare", node.Steps).AppliedCount.ShouldBe(0);

        var clean = node.Executor().Undo("prepare", node.Steps);

        clean.Succeeded.ShouldBeTrue(string.Join("; ", clean.Results.Select(r => r.Error)));
        node.Systemd.Log.TakeLast(4).ShouldBe(["disable --now sixgill-nat64.service", "daemon-reload", "disable --now sixgill-dns64.service", "daemon-reload"]);
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Clean_deletes_the_bridge_and_the_tunnel_in_one_request()
    {
        var node = new FakeGatewayNode();
        node.Executor().Run("prepare", FakeGatewayNode.GatewaySteps).Succeeded.ShouldBeTrue();
        node.Network.Log.Clear();

        var clean = node.Executor().Undo("prepare", FakeGatewayNode.GatewaySteps);

        clean.Succeeded.ShouldBeTrue(string.Join("; ", clean.Results.Select(r => r.Error)));
        node.Network.Log.Where(l => l.StartsWith("link", StringComparison.Ordinal)).ShouldBe(["links delete nat64 sixgill0"]);
        LinkResults(clean).ShouldBe(["delete link nat64: Reverted deleted nat64", "delete link sixgill0: Reverted deleted sixgill0"]);
        (node.Journal.Load()?.Entries ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void When_the_request_for_both_links_is_refused_both_stay_in_the_journal_and_the_next_clean_deletes_them()
    {
        var node = new FakeGatewayNode();
        var before = node.Snapshot();
        node.Executor().Run("prepare", FakeGatewayNode.GatewaySteps).Succeeded.ShouldBeTrue();
        node.Network.FailWhen = what => what.StartsWith("links delete", StringComparison.Ordinal);

        var refused = node.Executor().Undo("prepare", FakeGatewayNode.GatewaySteps);

        refused.Succeeded.ShouldBeFalse();
        refused.Results.Where(r => r.Failed).Select(r => r.Description).ShouldBe(["delete link nat64", "delete link sixgill0"]);
        refused.Results.Where(r => r.Failed).ShouldAllBe(r => r.Error!.Contains("simulated failure of 'links delete nat64 sixgill0'"));
        node.Journal.Load()!.Entries.Select(e => e.Undo.Describe()).ShouldBe(["delete link sixgill0", "delete link nat64"]);
        node.Network.Snapshot().ShouldContain("sixgill0 up");

        node.Network.FailWhen = _ => false;
        var again = node.Executor().Undo("prepare", FakeGatewayNode.GatewaySteps);

        again.Succeeded.ShouldBeTrue(string.Join("; ", again.Results.Select(r => r.Error)));
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_link_already_gone_is_reported_as_gone_and_the_other_is_deleted_alone()
    {
        var node = new FakeGatewayNode();
        var before = node.Snapshot();
        node.Executor().Run("prepare", FakeGatewayNode.GatewaySteps).Succeeded.ShouldBeTrue();
        node.Network.DeleteLink("nat64");
        node.Network.Log.Clear();

        var clean = node.Executor().Undo("prepare", FakeGatewayNode.GatewaySteps);

        clean.Succeeded.ShouldBeTrue(string.Join("; ", clean.Results.Select(r => r.Error)));
        node.Network.Log.Where(l => l.StartsWith("link", StringComparison.Ordinal)).ShouldBe(["links delete sixgill0"]);
        LinkResults(clean).ShouldBe(["delete link nat64: NothingToDo nat64 is gone", "delete link sixgill0: Reverted deleted sixgill0"]);
        node.Snapshot().ShouldBe(before);
    }

    private static IEnumerable<string> LinkResults(Sixgill.Engine.UndoReport report) =>
        report.Results.Where(r => r.Description.StartsWith("delete link", StringComparison.Ordinal)).Select(r => $"{r.Description}: {r.Outcome!.Status} {r.Outcome.Detail}");

    public static TheoryData<bool, int> CrashPoints()
    {
        var data = new TheoryData<bool, int>();
        foreach (var systemd in new[] { false, true })
        {
            var probe = new FakeGatewayNode(supervision: systemd ? Supervision.Systemd : Supervision.Direct);
            probe.Executor().Run("prepare", probe.Steps);
            for (var n = 0; n <= probe.Doom.Changes; n++)
            {
                data.Add(systemd, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public void After_a_crash_at_any_point_of_the_gateways_prepare_clean_restores_the_node_exactly(bool systemd, int changesBeforeCrash)
    {
        var node = new FakeGatewayNode(directory, systemd ? Supervision.Systemd : Supervision.Direct);
        var before = node.Snapshot();
        node.Doom.DieAfter(changesBeforeCrash);
        try
        {
            node.Executor().Run("prepare", node.Steps);
        }
        catch (ProcessDiedException)
        {
        }

        node.Doom.Revive();
        var clean = node.Executor().Undo("prepare", node.Steps);

        clean.Succeeded.ShouldBeTrue(string.Join("; ", clean.Results.Select(r => r.Error)));
        node.Snapshot().ShouldBe(before);
    }

    public void Dispose() => directory.Dispose();
}
