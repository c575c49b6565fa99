using System.Text.Json;
using Sixgill.Gateway;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary><c>sixgill verify</c> run inside lab nodes against the real gateway: every check passes.</summary>
public sealed class VerifyInLabTests(GatewayLabFixture fixture) : IClassFixture<GatewayLabFixture>
{
    internal static async Task<ProcessResult> VerifyAsync(GatewayLab lab, string node, params string[] more)
    {
        var result = await SixgillInNode.RunAsync(lab.Node(node), ["verify", "--host", node, "-c", lab.ConfigPath, "--expect", "hello", .. more], standardInput: null);
        if (result.ExitCode == 2 && result.StandardError.Contains("verify", StringComparison.Ordinal) && !result.StandardError.Contains("lab.yaml", StringComparison.Ordinal))
        {
            Assert.Fail("'sixgill verify' is not a command yet: SixgillCli.Build needs root.Subcommands.Add(VerifyCommand.Create(options)); " + result.StandardError);
        }

        return result;
    }

    internal static JsonElement Check(JsonDocument report, string name) =>
        report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Verify_on_a_minion_passes_every_check()
    {
        var result = await VerifyAsync(fixture.Lab, "w1");
        TestContext.Current.TestOutputHelper?.WriteLine(result.StandardOutput);

        result.ExitCode.ShouldBe(0, result.StandardOutput + result.StandardError);
        result.StandardOutput.ShouldContain("7 passed, 0 failed, 0 skipped");
        result.StandardOutput.ShouldContain("w1 reached an IPv4-only web server by name through DNS64 and NAT64");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Verify_as_json_shows_the_synthesized_address_and_the_route_via_the_gateway()
    {
        var result = await VerifyAsync(fixture.Lab, "w2", "--output", "json");

        result.ExitCode.ShouldBe(0, result.StandardOutput + result.StandardError);
        using var report = JsonDocument.Parse(result.StandardOutput);
        report.RootElement.GetProperty("passed").GetBoolean().ShouldBeTrue();
        Check(report, "dns64-synthesis").GetProperty("detail").GetString()!.ShouldContain("fd00:10:64:ff9b::cb00:7150 (203.0.113.80 behind the DNS64 prefix)");
        Check(report, "system-resolver").GetProperty("outcome").GetString().ShouldBe("passed");
        Check(report, "route-to-prefix").GetProperty("detail").GetString()!.ShouldContain("via fd00:20::2 dev eth1");
        Check(report, "http-by-name").GetProperty("detail").GetString()!.ShouldContain("HTTP 200 from fd00:10:64:ff9b::cb00:7150");
        Check(report, "peer-gw").GetProperty("outcome").GetString().ShouldBe("passed");
        Check(report, "peer-w1").GetProperty("outcome").GetString().ShouldBe("passed");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Verify_on_the_gateway_itself_finds_the_prefix_routed_into_the_tunnel()
    {
        var result = await VerifyAsync(fixture.Lab, "gw", "--output", "json");

        result.ExitCode.ShouldBe(0, result.StandardOutput + result.StandardError);
        using var report = JsonDocument.Parse(result.StandardOutput);
        Check(report, "route-to-prefix").GetProperty("detail").GetString()!.ShouldContain("dev nat64");
    }
}

/// <summary>
/// The hops of the path broken one after another, from the far end inwards, in one lab: verify
/// names each one. NAT64 first (DNS still works), then the internet's DNS server (the DNS64
/// server is up but its upstream is gone), then the DNS64 server itself.
/// </summary>
public sealed class VerifyBrokenHopTests(GatewayLabFixture fixture) : IClassFixture<GatewayLabFixture>
{
    private static async Task<JsonDocument> FailingVerifyAsync(GatewayLab lab)
    {
        var result = await VerifyInLabTests.VerifyAsync(lab, "w1", "--output", "json", "--timeout", "1");
        result.ExitCode.ShouldBe(1, result.StandardOutput + result.StandardError);
        return JsonDocument.Parse(result.StandardOutput);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Verify_names_the_hop_that_broke()
    {
        var lab = fixture.Lab;

        await lab.StopDaemonAsync(GatewayPaths.Default.Nat64PidFile);
        using (var report = await FailingVerifyAsync(lab))
        {
            report.RootElement.GetProperty("brokenHop").GetString().ShouldBe("NAT64 on gw");
            VerifyInLabTests.Check(report, "dns64-synthesis").GetProperty("outcome").GetString().ShouldBe("passed");
            VerifyInLabTests.Check(report, "peer-w2").GetProperty("outcome").GetString().ShouldBe("passed");
        }

        await lab.Internet.StopDnsAsync();
        using (var report = await FailingVerifyAsync(lab))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(report.RootElement.ToString());
            report.RootElement.GetProperty("brokenHop").GetString().ShouldBe("remote_server 203.0.113.53");
            var server = VerifyInLabTests.Check(report, "dns64-server");
            server.GetProperty("outcome").GetString().ShouldBe("failed");
            server.GetProperty("hint").GetString()!.ShouldContain("dig @203.0.113.53");
            VerifyInLabTests.Check(report, "system-resolver").GetProperty("hop").GetString().ShouldBe("remote_server 203.0.113.53");
        }

        await lab.StopDaemonAsync(GatewayPaths.Default.Dns64PidFile);
        using (var report = await FailingVerifyAsync(lab))
        {
            report.RootElement.GetProperty("brokenHop").GetString().ShouldBe("DNS64 server fd00:10::100 on gw");
            VerifyInLabTests.Check(report, "dns64-server").GetProperty("hint").GetString()!.ShouldContain("nothing listens on port 53");
        }
    }
}
