using System.Globalization;
using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>The lab internet's DNS and web servers: what they answer, from where, and that the lab ends them.</summary>
public sealed class InternetServicesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<string> DigAsync(LabNode node, string name, string type, string option = "+short") =>
        (await node.RunAsync(["dig", option, "+time=2", "+tries=1", $"@{LabInternet.DnsServer}", name, type], Cancel)).StandardOutput.Trim();

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_internet_serves_its_zone_and_page_over_IPv4_and_the_lab_ends_both()
    {
        GatewayRequirements.Require();
        int dnsPid, webPid;
        string pidFile;
        await using (var lab = await TestLabs.CreateAsync(new LabSpec(TestLabs.NextName(), [new LabNodeSpec("gw", "eth1", IsGateway: true)], WithInternet: true)))
        {
            var internet = await InternetServices.StartAsync(lab, cancellationToken: Cancel);
            (dnsPid, webPid) = (internet.Dns.Pid, internet.Web.Pid);
            pidFile = $"{InternetServices.Directory(lab.Layout.Names)}/{InternetServices.DnsDaemon}.pid";
            var gw = lab.Node("gw");

            (await DigAsync(gw, InternetZone.WebName, "A")).ShouldBe(LabInternet.WebServer);
            (await DigAsync(gw, InternetZone.WebName, "AAAA")).ShouldBeEmpty();
            (await DigAsync(gw, InternetZone.DualStackName, "AAAA")).ShouldBe(InternetZone.DualStackIPv6);
            (await DigAsync(gw, "nothing.example.test", "A", "+noall")).ShouldBeEmpty();
            (await gw.RunAsync(["dig", "+time=2", "+tries=1", $"@{LabInternet.DnsServer}", "nothing.example.test", "A"], Cancel)).StandardOutput.ShouldContain("status: NXDOMAIN");
            // Outside its zone it forwards nothing: there is nowhere to forward to.
            (await DigAsync(gw, "example.com", "A")).ShouldBeEmpty();

            var page = await gw.RunAsync(GatewayLab.Curl($"http://{LabInternet.WebServer}:{InternetServices.WebPort.ToString(CultureInfo.InvariantCulture)}/"), Cancel);
            page.StandardOutput.ShouldBe(InternetServices.Page, page.StandardError);
            File.ReadAllText(pidFile).Trim().ShouldBe(dnsPid.ToString(CultureInfo.InvariantCulture));
        }

        LabLeftovers.IsRunning(dnsPid).ShouldBeFalse();
        LabLeftovers.IsRunning(webPid).ShouldBeFalse();
        File.Exists(pidFile).ShouldBeFalse();
    }
}
