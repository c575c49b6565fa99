using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

public sealed class InternetServicesTests
{
    [Fact]
    public void Dnsmasq_reads_no_machine_file_forwards_nothing_and_serves_only_the_zone()
    {
        var command = InternetServices.DnsCommand(InternetZone.Default, "203.0.113.53", "/run/sixgill-lab/x/internet/dnsmasq.pid");

        command.ShouldBe(
        [
            "dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--bind-interfaces", "--log-facility=-",
            "--listen-address=203.0.113.53", "--pid-file=/run/sixgill-lab/x/internet/dnsmasq.pid",
            "--host-record=web.example.test,203.0.113.80",
            "--host-record=v6.example.test,203.0.113.80,2001:db8:80::80",
            "--local=/example.test/",
        ]);
    }

    [Fact]
    public void The_web_server_listens_on_one_internet_address_in_the_foreground()
    {
        InternetServices.WebCommand(LabInternet.WebServer, 8080, "/srv/www")
            .ShouldBe(["busybox", "httpd", "-f", "-p", "203.0.113.80:8080", "-h", "/srv/www"]);
    }

    [Fact]
    public void The_lab_web_page_is_reached_by_name_on_port_8080()
    {
        InternetServices.WebUrl().ShouldBe("http://web.example.test:8080/");
        InternetServices.Directory(new LabNames("demo")).ShouldBe("/run/sixgill-lab/demo/internet");
    }

    [Fact]
    public void Only_web_has_no_AAAA_record()
    {
        InternetZone.Default.Hosts.Single(h => h.Name == InternetZone.WebName).IPv6.ShouldBeNull();
        InternetZone.Default.Hosts.ShouldAllBe(h => h.IPv4 == LabInternet.WebServer);
    }
}
