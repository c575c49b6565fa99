using System.Text;
using Sixgill.Gateway;
using Sixgill.Machine;
using Sixgill.Planning;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

public sealed class EnsureSystemdServiceTests
{
    private const string UnitFile = "/etc/systemd/system/sixgill-dns64.service";

    private static FakeGatewayNode ReadyForNamed()
    {
        var node = new FakeGatewayNode(supervision: Supervision.Systemd);
        node.ApplyUntil("unit:" + SystemdUnits.Dns64Unit);
        return node;
    }

    private static EnsureSystemdService Dns64(FakeGatewayNode node) => node.Step<EnsureSystemdService>("unit:" + SystemdUnits.Dns64Unit);

    [Fact]
    public void The_unit_is_written_systemd_reloaded_named_checked_and_the_unit_enabled_and_started()
    {
        var node = ReadyForNamed();
        var before = node.Snapshot();
        Dns64(node).Probe(node.Context).ShouldBe(ProbeResult.Absent("no unit file"));

        var undo = node.Apply(Dns64(node));

        node.Systemd.Log.ShouldBe(["daemon-reload", "enable sixgill-dns64.service", "restart sixgill-dns64.service"]);
        node.Programs.Log.ShouldContain("named-checkconf /etc/sixgill/dns64/named.conf");
        node.Files.ModeOf(UnitFile).ShouldBe(FakeNode.Mode("644"));
        Dns64(node).Probe(node.Context).ShouldBe(ProbeResult.Present);

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.Reverted);
        node.Systemd.Log.TakeLast(2).ShouldBe(["disable --now sixgill-dns64.service", "daemon-reload"]);
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_stopped_unit_is_started_again_and_its_undo_leaves_the_file_to_the_entry_that_wrote_it()
    {
        var node = ReadyForNamed();
        var first = node.Apply(Dns64(node));
        node.Systemd.Disable(SystemdUnits.Dns64Unit, stop: true);
        Dns64(node).Probe(node.Context).ShouldBe(ProbeResult.Different("not running"));

        var again = (RemoveSystemdService)node.Apply(Dns64(node));

        again.File.ShouldBeNull();
        Dns64(node).Probe(node.Context).ShouldBe(ProbeResult.Present);
        again.Revert(node.Context);
        node.Files.Text(UnitFile).ShouldNotBeNull();
        first.Revert(node.Context);
        node.Files.Text(UnitFile).ShouldBeNull();
    }

    [Fact]
    public void A_config_changed_after_the_unit_started_restarts_it()
    {
        var node = ReadyForNamed();
        node.Apply(Dns64(node));
        node.Files.Write("/etc/sixgill/dns64/named.conf", node.Files.Read("/etc/sixgill/dns64/named.conf"));

        Dns64(node).Probe(node.Context).ShouldBe(ProbeResult.Different("restart: /etc/sixgill/dns64/named.conf changed after it started"));
        node.Apply(Dns64(node));

        node.Systemd.Restarts.ShouldBe([SystemdUnits.Dns64Unit, SystemdUnits.Dns64Unit]);
        Dns64(node).Probe(node.Context).ShouldBe(ProbeResult.Present);
    }

    [Fact]
    public void A_unit_file_someone_edited_is_left_at_clean_but_the_unit_is_still_stopped()
    {
        var node = ReadyForNamed();
        var undo = node.Apply(Dns64(node));
        node.Files.Write(UnitFile, Encoding.UTF8.GetBytes("[Service]\nExecStart=/bin/true\n"));

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.LeftAlone);

        node.Systemd.IsActive(SystemdUnits.Dns64Unit).ShouldBeFalse();
        node.Files.Text(UnitFile).ShouldBe("[Service]\nExecStart=/bin/true\n");
    }

    [Fact]
    public void Without_systemd_the_step_is_a_precondition_and_never_half_done()
    {
        var node = new FakeGatewayNode();
        var unit = FakeGatewayNode.SystemdSteps.OfType<EnsureSystemdService>().First();

        Should.Throw<PreconditionFailedException>(() => unit.Probe(node.Context)).Message.ShouldContain("systemd does not run on this node");
    }
}
