using Sixgill.Gateway;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

public sealed class EnsureAppArmorRulesTests
{
    private const string Profiles = "/usr/sbin/tcpdump (enforce)\n/usr/sbin/named (enforce)\n";

    private static EnsureAppArmorRules Rules => new FakeGatewayNode().Step<EnsureAppArmorRules>("apparmor:" + Dns64AppArmor.LocalProfile);

    [Fact]
    public void Without_apparmor_confining_named_nothing_is_written()
    {
        var node = new FakeGatewayNode();

        Rules.Probe(node.Context).ShouldBe(new ProbeResult(ProbeState.Present, "AppArmor does not confine named here: nothing to add"));

        node.Files.WithFile(Dns64AppArmor.LoadedProfiles, "/usr/sbin/tcpdump (enforce)\n");
        Rules.Probe(node.Context).State.ShouldBe(ProbeState.Present);
    }

    [Fact]
    public void Where_named_is_confined_the_rules_are_added_the_profile_reloaded_and_both_undone()
    {
        var node = new FakeGatewayNode();
        node.Files.WithFile(Dns64AppArmor.LoadedProfiles, Profiles)
            .WithFile(Dns64AppArmor.LocalProfile, "# Site-specific additions and overrides for usr.sbin.named.\n");
        var before = node.Snapshot();
        Rules.Probe(node.Context).ShouldBe(ProbeResult.Absent("add 6 lines"));

        var undo = node.Apply(Rules);

        node.Files.Text(Dns64AppArmor.LocalProfile)!.ShouldContain("/var/lib/sixgill/dns64/** rwk, # sixgill\n");
        node.Programs.Log.ShouldBe([$"apparmor_parser -r {Dns64AppArmor.Profile}"]);
        Rules.Probe(node.Context).ShouldBe(ProbeResult.Present);

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.Reverted);
        node.Programs.Log.Count.ShouldBe(2);
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Rules_a_person_already_wrote_are_not_added_twice()
    {
        var node = new FakeGatewayNode();
        node.Files.WithFile(Dns64AppArmor.LoadedProfiles, Profiles)
            .WithFile(Dns64AppArmor.LocalProfile, string.Concat(Dns64AppArmor.Rules(GatewayPaths.Default).Select(r => "  " + r + "\n")));

        Rules.Probe(node.Context).ShouldBe(ProbeResult.Present);
    }

    [Fact]
    public void A_local_profile_sixgill_created_is_deleted_again()
    {
        var node = new FakeGatewayNode();
        node.Files.WithFile(Dns64AppArmor.LoadedProfiles, Profiles);

        var undo = node.Apply(Rules);
        node.Files.Text(Dns64AppArmor.LocalProfile).ShouldNotBeNull();
        undo.Revert(node.Context);

        node.Files.Text(Dns64AppArmor.LocalProfile).ShouldBeNull();
    }
}
