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
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    [Fact]
    public async Task The_package_installs_into_a_throwaway_root_and_runs_there()
    {
        LabRequirements.Require(); // root
        Guard.Require("the package test", [.. new[] { ("dpkg-deb", "dpkg"), ("objdump", "binutils"), ("clang", "clang"), ("dotnet", "the .NET 10 SDK") }
            .Where(p => !LabRequirements.IsOnPath(p.Item1)).Select(p => $"'{p.Item1}' ({p.Item2})")]);

        var repository = Repository();
        using var work = new TempDirectory("sixgill-package-test-");
        var runner = new ProcessRunner();
        var cancel = TestContext.Current.CancellationToken;
        var build = await runner.RunAsync(new ProcessRequest(["bash", Path.Combine(repository, "scripts", "package"), "--out", $"{work}/out"]) { Timeout = BuildTimeout }, cancel);
        build.ExitCode.ShouldBe(0, build.StandardOutput + build.StandardError);
        var deb = Directory.GetFiles($"{work}/out", "sixgill_*.deb").ShouldHaveSingleItem();

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
        foreach (var file in new[]
        {
            "usr/share/man/man1/sixgill.1.gz", "usr/share/bash-completion/completions/sixgill", "usr/share/zsh/vendor-completions/_sixgill",
            "usr/share/fish/vendor_completions.d/sixgill.fish", "usr/share/doc/sixgill/copyright", "usr/share/doc/sixgill/THIRD-PARTY-NOTICES.md",
        })
        {
            File.Exists($"{root}/{file}").ShouldBeTrue(file);
        }

        var listed = await runner.RunAsync(["dpkg", $"--root={root}", "-L", "sixgill"], cancel);
        listed.StandardOutput.ShouldContain("/usr/bin/sixgill");
    }

    private static string Repository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sixgill.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Sixgill.slnx above {AppContext.BaseDirectory}");
    }
}
