using Sixgill.Gateway;
using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>The gateway's config at work: <c>allow_aaaa_use</c> both ways, and a prepare with a changed config restarting named.</summary>
public sealed class GatewayConfigTests
{
    private const string Synthesized = "fd00:10:64:ff9b::cb00:7150";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string AllowAaaaUse(string config, bool allow) =>
        config.Replace("  dnssec_validation: \"no\"\n", $"  dnssec_validation: \"no\"\n  allow_aaaa_use: {(allow ? "true" : "false")}\n", StringComparison.Ordinal);

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task With_allow_aaaa_use_a_real_AAAA_is_used_and_turning_it_off_restarts_named_which_then_synthesizes()
    {
        GatewayRequirements.Require();
        await using var lab = await GatewayLab.CreateAsync(text => AllowAaaaUse(text, allow: true), "gw", "w1");
        var w1 = lab.Node("w1");
        (await DigAsync(w1, InternetZone.DualStackName)).ShouldBe(InternetZone.DualStackIPv6);
        (await DigAsync(w1, InternetZone.WebName)).ShouldBe(Synthesized);
        var before = await lab.PidAsync(GatewayPaths.Default.Dns64PidFile);

        await File.WriteAllTextAsync(lab.Lab.ConfigPath, AllowAaaaUse(await File.ReadAllTextAsync(lab.Lab.ConfigPath, Cancel), allow: false)
            .Replace("allow_aaaa_use: true\n", "", StringComparison.Ordinal), Cancel);
        var again = await lab.PrepareAsync("gw");

        again.StandardOutput.ShouldContain("named");
        (await lab.PidAsync(GatewayPaths.Default.Dns64PidFile)).ShouldNotBe(before, "named runs the new config");
        (await DigAsync(w1, InternetZone.DualStackName)).ShouldBe(Synthesized);
    }

    private static async Task<string> DigAsync(LabNode node, string name) =>
        (await node.RunAsync(["dig", "+short", "@fd00:10::100", name, "AAAA"], Cancel)).StandardOutput.Trim();
}
