namespace Sixgill.IntegrationTests;

/// <summary>
/// The Debian package installed as a user installs it: <c>apt install ./sixgill_VERSION_ARCH.deb</c>
/// in a node of a systemd lab (a Debian machine booting systemd, no network to a mirror: every
/// package it depends on is already in the node's root). The installed sixgill runs, its manual page
/// and completions are where man and the shells look, and <c>apt remove</c> takes it all away again.
/// </summary>
public sealed class SystemdPackageTests
{
    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Apt_installs_the_package_in_a_systemd_node_and_removes_it_again()
    {
        SystemdRequirements.Require();
        DebianPackage.Require();
        using var work = new TempDirectory("sixgill-apt-test-");
        var deb = await DebianPackage.BuildAsync(work.Combine("out"));
        var lab = await LabCli.NewAsync();
        var node = new SystemdNodes(lab);
        try
        {
            var up = await lab.RunAsync("up", "--kind", "systemd");
            up.ExitCode.ShouldBe(0, up.StandardError);
            // stderr is a pipe: the boot is a start line and a final line, nothing redrawn.
            up.StandardError.ShouldContain("  booting 3 systemd nodes …\n");
            up.StandardError.ShouldMatch(@"\n  3 systemd nodes running \(\d+\.\d s\)\n");
            up.StandardError.ShouldNotContain("\r");
            up.StandardError.ShouldNotContain("\u001b");

            var name = Path.GetFileName(deb);
            File.Copy(deb, Path.Combine(lab.Names.NodeDirectory("w1"), "root", "var", "tmp", name));
            var install = await node.RunAsync("w1", "sh", "-c", $"cd /var/tmp && DEBIAN_FRONTEND=noninteractive apt install -y ./{name}");
            install.ExitCode.ShouldBe(0, install.StandardOutput + install.StandardError);
            (await node.OutputAsync("w1", "dpkg-query", "-W", "-f", "${Status}", "sixgill")).ShouldBe("install ok installed");

            (await node.OutputAsync("w1", "/usr/bin/sixgill", "version")).ShouldStartWith("sixgill ");
            (await node.OutputAsync("w1", "sh", "-c", "command -v sixgill")).Trim().ShouldBe("/usr/bin/sixgill");
            foreach (var file in DebianPackage.Files)
            {
                (await node.RunAsync("w1", "test", "-s", "/" + file)).ExitCode.ShouldBe(0, file);
            }

            // The node's root has no man-db: the page is checked where man looks for it, as sixgill(1).
            (await node.OutputAsync("w1", "sh", "-c", "zcat /usr/share/man/man1/sixgill.1.gz | head -n 1")).ShouldStartWith(".TH SIXGILL 1 ");
            // bash loads the completion as bash-completion would, and it completes sixgill.
            (await node.OutputAsync("w1", "bash", "-c", ". /usr/share/bash-completion/completions/sixgill && complete -p sixgill")).ShouldEndWith(" sixgill\n");

            var remove = await node.RunAsync("w1", "sh", "-c", "DEBIAN_FRONTEND=noninteractive apt remove -y sixgill");
            remove.ExitCode.ShouldBe(0, remove.StandardOutput + remove.StandardError);
            (await node.RunAsync("w1", "test", "-e", "/usr/bin/sixgill")).ExitCode.ShouldBe(1, "apt remove leaves no /usr/bin/sixgill");
            foreach (var file in DebianPackage.Files)
            {
                (await node.RunAsync("w1", "test", "-e", "/" + file)).ExitCode.ShouldBe(1, file);
            }

            (await node.OutputAsync("w1", "sh", "-c", "dpkg-query -W -f '${Status}' sixgill 2>/dev/null; true")).ShouldNotBe("install ok installed");

            var down = await lab.RunAsync("down");
            down.ExitCode.ShouldBe(0, down.StandardError);
            await lab.ShouldBeGoneAsync([]);
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }
    }
}
