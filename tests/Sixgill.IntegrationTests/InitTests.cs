using System.Security.Cryptography;
using System.Text;
using Sixgill.Kube;

namespace Sixgill.IntegrationTests;

/// <summary><c>sixgill init</c> on the master of a lab: the CA in its /etc, the token and hash in the config, in place.</summary>
public sealed class InitTests
{
    private const string CaCert = "/etc/sixgill/pki/ca.crt";

    private const string CaKey = "/etc/sixgill/pki/ca.key";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Init_writes_the_CA_and_sets_token_and_hash_in_the_config_keeping_every_other_line()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        var gw = lab.Node("gw");
        var original = await File.ReadAllTextAsync(lab.ConfigPath, Cancel);
        (await PrepareLab.ShAsync(gw, $"chmod 644 {lab.ConfigPath}")).ShouldBeEmpty();

        var init = await lab.SixgillAsync(gw, "init");

        init.ExitCode.ShouldBe(0, init.StandardError);
        var certificate = (await UpDownLab.ReadAsync(gw, CaCert)).ShouldNotBeNull();
        var hash = ClusterCa.CertHashOf(certificate);
        var edited = await File.ReadAllTextAsync(lab.ConfigPath, Cancel);
        var token = TokenIn(edited);
        edited.ShouldBe(ConfigFileEditor.SetToken(original, token, hash), "only the token and hash lines differ");
        edited.ShouldContain($"token_cert_hash: \"{hash}\"");
        (await UpDownLab.ModeAndOwnerAsync(gw, CaKey)).ShouldBe("600 0");
        (await UpDownLab.ModeAndOwnerAsync(gw, CaCert)).ShouldBe("644 0");
        (await UpDownLab.ModeAndOwnerAsync(gw, lab.ConfigPath)).ShouldBe("640 0", "it holds the token now: no longer readable by every user");
        (init.StandardOutput + init.StandardError).ShouldNotContain(token[7..]);
        (init.StandardOutput + init.StandardError).ShouldContain(token[..7] + "****************");
        File.Exists(CaCert).ShouldBeFalse("the CA went to the node's /etc, not the machine's");

        // The config's backup is kept in the node's state directory, private.
        var backups = await PrepareLab.ShAsync(gw, "stat -c '%a %n' /var/lib/sixgill/backups/*");
        backups.ShouldContain("600 ");
        var backup = backups.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', 2)[1]).Single(p => p.Contains("config.yaml", StringComparison.Ordinal) || p.Contains("lab.yaml", StringComparison.Ordinal));
        (await UpDownLab.ReadAsync(gw, backup)).ShouldBe(original);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Init_twice_keeps_the_CA_and_force_makes_a_new_one()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        var gw = lab.Node("gw");
        (await lab.SixgillAsync(gw, "init")).ExitCode.ShouldBe(0);
        var certificate = await UpDownLab.ReadAsync(gw, CaCert);
        var config = await File.ReadAllTextAsync(lab.ConfigPath, Cancel);

        var again = await lab.SixgillAsync(gw, "init");

        again.ExitCode.ShouldBe(0, again.StandardError);
        (await UpDownLab.ReadAsync(gw, CaCert)).ShouldBe(certificate);
        (await File.ReadAllTextAsync(lab.ConfigPath, Cancel)).ShouldBe(config);

        var forced = await lab.SixgillAsync(gw, "init", "--force");

        forced.ExitCode.ShouldBe(0, forced.StandardError);
        var renewed = (await UpDownLab.ReadAsync(gw, CaCert))!;
        renewed.ShouldNotBe(certificate);
        (await File.ReadAllTextAsync(lab.ConfigPath, Cancel)).ShouldContain($"token_cert_hash: \"{ClusterCa.CertHashOf(renewed)}\"");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Init_runs_on_the_master_only()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        var config = await File.ReadAllTextAsync(lab.ConfigPath, Cancel);

        var init = await lab.SixgillAsync(lab.Node("w1"), "init");

        init.ExitCode.ShouldBe(2, init.StandardError);
        init.StandardError.ShouldContain("gw");
        (await File.ReadAllTextAsync(lab.ConfigPath, Cancel)).ShouldBe(config);
        (await UpDownLab.ExistsAsync(lab.Node("w1"), CaCert)).ShouldBeFalse();
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task After_init_the_master_signs_with_its_CA_and_minions_pin_its_hash()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync(config => config.Replace("  insecure: true\n", "", StringComparison.Ordinal));
        await lab.UseStandInAsync();
        var (gw, w1) = (lab.Node("gw"), lab.Node("w1"));
        (await lab.SudoSixgillAsync(gw, "init")).ExitCode.ShouldBe(0);
        var hash = ClusterCa.CertHashOf((await UpDownLab.ReadAsync(gw, CaCert))!);
        await lab.AddGatewayAddressAsync();
        foreach (var (node, command) in new[] { (gw, "prepare"), (w1, "prepare"), (gw, "up"), (w1, "up") })
        {
            var result = await lab.SudoSixgillAsync(node, command);
            result.ExitCode.ShouldBe(0, $"{command} {node.Name}: {result.StandardError}");
        }

        var caSha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((await UpDownLab.ReadAsync(gw, CaCert))!)));
        (await UpDownLab.ReadAsync(gw, $"{UpDownLab.StandInState}/init.ca"))!.Trim().ShouldBe(caSha, "kubeadm init found Sixgill's CA in /etc/kubernetes/pki");
        (await UpDownLab.ModeAndOwnerAsync(gw, "/etc/kubernetes/pki/ca.key")).ShouldBe("600 0");
        (await UpDownLab.ReadAsync(w1, $"{UpDownLab.StandInState}/join.config"))!.ShouldContain($"\"sha256:{hash}\"");

        var down = await lab.SudoSixgillAsync(gw, "down");
        down.ExitCode.ShouldBe(0, down.StandardError);
        (await UpDownLab.ExistsAsync(gw, "/etc/kubernetes/pki/ca.key")).ShouldBeFalse();
        (await UpDownLab.ExistsAsync(gw, CaKey)).ShouldBeTrue("init's CA stays: down only takes back what up did");
    }

    private static string TokenIn(string config) =>
        config.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("token:", StringComparison.Ordinal))[6..].Trim().Trim('"');
}
