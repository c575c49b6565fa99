using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

public sealed class SystemdLabTests
{
    private static readonly LabMachines Machines = new("/var/cache/sixgill/lab-roots/debian-bookworm-x", ["/opt/sixgill"], ["/tmp/sixgill-lab-sd"]);

    private static LabLayout Layout() =>
        LabLayout.Plan(new LabSpec("sd", [new("gw", "eth1", IsGateway: true), new("w1", "eth1")], WithInternet: true, Machines: Machines));

    [Fact]
    public void Systemd_nodes_get_a_disk_over_the_root_and_a_switch_link_that_stays_down()
    {
        var layout = Layout();
        var commands = LabSetupScript.For(layout).Select(c => string.Join(' ', c.Command)).ToList();

        layout.Nodes.ShouldAllBe(n => n.Kind == LabNodeKind.Systemd);
        commands.ShouldContain("mount -t overlay overlay -o lowerdir=/var/cache/sixgill/lab-roots/debian-bookworm-x,upperdir=/run/sixgill-lab/sd/nodes/w1/disk/upper,workdir=/run/sixgill-lab/sd/nodes/w1/disk/work /run/sixgill-lab/sd/nodes/w1/root");
        commands.ShouldContain("install -d -m 0700 /tmp/sixgill-lab-sd");
        commands.ShouldNotContain(c => c.EndsWith("link set eth1 up", StringComparison.Ordinal));
        commands.ShouldNotContain(c => c.StartsWith("unshare", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rebooted_gateway_gets_its_switch_link_and_its_uplink_again_and_a_minion_only_its_switch_link()
    {
        var layout = Layout();

        var gateway = LabSetupScript.MachineNetwork(layout, layout.Nodes[0]).Select(c => string.Join(' ', c.Command)).ToList();
        var minion = LabSetupScript.MachineNetwork(layout, layout.Nodes[1]).Select(c => string.Join(' ', c.Command)).ToList();

        gateway.ShouldContain("ip netns add sg-sd-gw");
        gateway.ShouldContain("ip -n sg-sd-gw address add 203.0.113.2/24 dev eth0");
        minion.ShouldContain($"ip link add eth1 address {LabSetupScript.StableMac("sg-sd-w1", "eth1")} netns sg-sd-w1 type veth peer name p-w1 netns sg-sd-sw",
            "the same MAC as at the first boot: a NIC keeps its address across a reboot");
        LabSetupScript.For(layout).Select(c => string.Join(' ', c.Command)).ShouldContain(minion.Single(c => c.Contains("type veth", StringComparison.Ordinal)));
        minion.ShouldNotContain(c => c.Contains("203.0.113", StringComparison.Ordinal));
    }

    [Fact]
    public void Nspawn_boots_the_nodes_disk_in_its_namespace_with_the_machines_directories_bound_in()
    {
        var node = Layout().Nodes[1];

        var command = SystemdMachine.BootCommand(node, Machines);

        command.ShouldBe([
            "systemd-nspawn", "--directory=/run/sixgill-lab/sd/nodes/w1/root", "--boot", "--network-namespace-path=/run/netns/sg-sd-w1",
            "--machine=sg-sd-w1", "--register=no", "--keep-unit", "--console=passive", "--bind=/dev/net/tun", "--capability=CAP_NET_ADMIN", "--system-call-filter=@keyring",
            "--bind-ro=/opt/sixgill", "--bind=/tmp/sixgill-lab-sd"]);
    }

    [Fact]
    public void The_root_comes_from_the_archive_apt_uses_and_its_cache_name_follows_its_packages()
    {
        SystemdRootRecipe.MirrorFrom(["Types: deb", "URIs: http://mirror.example/debian/", "Suites: bookworm"]).ShouldBe("http://mirror.example/debian");
        SystemdRootRecipe.MirrorFrom(["deb [arch=amd64] http://ftp.example/debian bookworm main"]).ShouldBe("http://ftp.example/debian");
        SystemdRootRecipe.MirrorFrom(["URIs: http://deb.debian.org/debian-security"]).ShouldBe(SystemdRootRecipe.DefaultMirror);
        SystemdRootRecipe.Directory.ShouldBe($"/var/cache/sixgill/lab-roots/debian-bookworm-{SystemdRootRecipe.Key}");
        SystemdRootRecipe.Key.Length.ShouldBe(12);
        SystemdRootRecipe.ServicePackages.ShouldContain("bind9");
    }

    [Fact]
    public void The_kind_is_chosen_by_name_and_namespace_stays_the_default()
    {
        LabNodeKinds.Parse("systemd").ShouldBe(LabNodeKind.Systemd);
        LabNodeKinds.Parse("namespace").ShouldBe(LabNodeKind.Namespace);
        LabNodeKinds.Parse("vm").ShouldBeNull();
        new LabSpec("x", [new("a", "eth1")]).Kind.ShouldBe(LabNodeKind.Namespace);
    }
}
