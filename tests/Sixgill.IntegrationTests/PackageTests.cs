using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// <c>scripts/package</c>: the .deb is built, installed with <c>dpkg --root</c> into a throw-away
/// root (a dpkg database of its own: the machine's packages are not touched), and the installed
/// binary runs from there, with its manual page and completions where the shells look.
/// </summary>
public sealed class PackageTests
{
    [Fact]
    public async Task The_package_installs_into_a_throwaway_root_and_runs_there()
    {
        LabRequirements.Require(); // root
        DebianPackage.Require();
        using var work = new TempDirectory("sixgill-package-test-");
        var runner = new ProcessRunner();
        var cancel = TestContext.Current.CancellationToken;
        var deb = await DebianPackage.BuildAsync($"{work}/out");

        var depends = await runner.RunAsync(["dpkg-deb", "-f", deb, "Depends"], cancel);
        depends.StandardOutput.ShouldContain("libc6");
        depends.StandardOutput.ShouldContain("iproute2");

        var root = $"{work}/root";
        Directory.CreateDirectory($"{root}/var/lib/dpkg/info");
        Directory.CreateDirectory($"{root}/var/lib/dpkg/updates");
        File.WriteAllText($"{root}/var/lib/dpkg/status", "");
        File.WriteAllText($"{root}/var/lib/dpkg/available", "");
        var install = await runner.RunAsync(["dpkg", $"--root={root}", "--force-depends", "--force-script-chrootless", "-i", deb], cancel);
        install.ExitCode.ShouldBe(0, install.StandardOutput + install.StandardError);

        var sixgill = $"{root}/usr/bin/sixgill";
        var version = await runner.RunAsync([sixgill, "version"], cancel);
        version.ExitCode.ShouldBe(0, version.StandardError);
        version.StandardOutput.ShouldStartWith("sixgill ");
        var validate = await runner.RunAsync([sixgill, "validate", "-c", $"{root}/usr/share/doc/sixgill/examples/lab.yaml"], cancel);
        validate.ExitCode.ShouldBe(0, validate.StandardError);
        foreach (var file in DebianPackage.Files)
        {
            File.Exists($"{root}/{file}").ShouldBeTrue(file);
        }

        var listed = await runner.RunAsync(["dpkg", $"--root={root}", "-L", "sixgill"], cancel);
        listed.StandardOutput.ShouldContain("/usr/bin/sixgill");
    }
}
