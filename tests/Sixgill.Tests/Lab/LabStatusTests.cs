using System.Text.Json;
using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

public sealed class LabStatusTests
{
    [Fact]
    public void Interfaces_show_global_addresses_and_leave_out_loopback_and_link_local()
    {
        const string ip = """
            [{"ifindex":1,"ifname":"lo","operstate":"UNKNOWN","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host"}]},
             {"ifindex":2,"ifname":"eth1","operstate":"UP","addr_info":[{"family":"inet6","local":"fd00:20::2","prefixlen":64,"scope":"global"},{"family":"inet6","local":"fe80::1","prefixlen":64,"scope":"link"}]},
             {"ifindex":3,"ifname":"eth0","operstate":"UP","addr_info":[{"family":"inet","local":"203.0.113.2","prefixlen":24,"scope":"global"}]}]
            """;

        LabStatusReader.Interfaces(ip).Select(i => (i.Name, i.State, string.Join(",", i.Addresses)))
            .ShouldBe([("eth1", "UP", "fd00:20::2/64"), ("eth0", "UP", "203.0.113.2/24")]);
        LabStatusReader.Interfaces("").ShouldBeEmpty();
    }

    [Fact]
    public void A_lab_that_is_not_up_says_how_to_make_it()
    {
        var text = new StringWriter();
        new LabStatus("demo2", LabStatus.Absent, null, null, null, [], []).WriteText(text);

        text.ToString().ShouldBe("lab 'demo2' is not up ('sudo sixgill lab up --name demo2' makes it)\n");
    }

    [Fact]
    public void Status_shows_every_namespace_with_its_addresses_and_processes_and_the_daemons()
    {
        var status = new LabStatus("demo", LabStatus.Up, "examples/lab.yaml (built in)", "/tmp/sixgill-lab-demo/config.yaml", null,
        [
            new NamespaceStatus("gw", "gateway", "sg-demo-gw", true, [new InterfaceStatus("eth1", "UP", ["fd00:20::2/64"]), new InterfaceStatus("nat64", "UNKNOWN", [])], [new ProcessStatus("named", 12), new ProcessStatus("tayga", 13)]),
            new NamespaceStatus("w1", "node", "sg-demo-w1", false, [], []),
        ],
        [new DaemonStatus("dns", "dnsmasq", 10, true, "/run/sixgill-lab/demo/internet/dns.log")]);
        var text = new StringWriter();

        status.WriteText(text);

        var output = text.ToString();
        output.ShouldContain("lab 'demo' is up, made from examples/lab.yaml (built in); the nodes read /tmp/sixgill-lab-demo/config.yaml");
        output.ShouldContain("gw    gateway  sg-demo-gw  eth1 fd00:20::2/64; nat64  named (pid 12), tayga (pid 13)");
        output.ShouldContain("w1    node     sg-demo-w1  MISSING");
        output.ShouldContain("dns  dnsmasq  pid 10      running");
        using var json = JsonDocument.Parse(status.ToJson());
        json.RootElement.GetProperty("namespaces")[0].GetProperty("interfaces")[0].GetProperty("addresses")[0].GetString().ShouldBe("fd00:20::2/64");
    }
}
