using Sixgill.Planning;

namespace Sixgill.Tests.Planning;

public sealed class BootUnitTests
{
    [Fact]
    public void The_boot_unit_runs_reapply_with_the_config_copy_after_the_network_manager_and_before_kubelet()
    {
        var source = new ReapplySource(["/usr/bin/sixgill"], "/var/lib/sixgill", "text");

        var unit = BootUnit.Render(source, "w1", gateway: false);

        unit.Name.ShouldBe("sixgill-reapply.service");
        unit.Text.ShouldContain("ExecStart=/usr/bin/sixgill reapply -c /var/lib/sixgill/reapply.yaml --host w1 --state-dir /var/lib/sixgill\n");
        unit.Text.ShouldContain("Type=oneshot\nRemainAfterExit=yes\n");
        unit.Text.ShouldContain("After=network.target systemd-networkd.service NetworkManager.service networking.service systemd-sysctl.service\n");
        unit.Text.ShouldContain("Before=kubelet.service\n");
        unit.Text.ShouldContain("WantedBy=multi-user.target\n");
    }

    [Fact]
    public void On_the_gateway_it_comes_after_sixgills_DNS64_and_NAT64_units_and_paths_with_blanks_are_refused()
    {
        var source = new ReapplySource(["/usr/bin/dotnet", "/opt/sixgill/sixgill.dll"], "/var/lib/sixgill", "text");

        BootUnit.Render(source, "gw", gateway: true).Text.ShouldContain("systemd-sysctl.service sixgill-dns64.service sixgill-nat64.service\n");
        BootUnit.Render(source, "gw", gateway: true).Text.ShouldContain("ExecStart=/usr/bin/dotnet /opt/sixgill/sixgill.dll reapply ");
        Should.Throw<ArgumentException>(() => BootUnit.Render(source with { StateDirectory = "/var/lib/my state" }, "gw", gateway: false));
    }

    [Fact]
    public void A_docker_gateway_comes_after_the_docker_engine_and_a_minion_does_not_wait_for_it()
    {
        var source = new ReapplySource(["/usr/bin/sixgill"], "/var/lib/sixgill", "text");

        BootUnit.Render(source, "gw", gateway: false, dockerGateway: true).Text.ShouldContain("systemd-sysctl.service docker.service\n");
        BootUnit.Render(source, "w1", gateway: false).Text.ShouldNotContain("docker");
    }
}
