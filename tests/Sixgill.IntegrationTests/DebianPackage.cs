using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary><c>bash scripts/package</c> for the package tests: what it needs, and the .deb it builds.</summary>
internal static class DebianPackage
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    /// <summary>Files the package installs besides the binary (paths without the leading slash): manual, completions, licence notes.</summary>
    public static readonly IReadOnlyList<string> Files =
    [
        "usr/share/man/man1/sixgill.1.gz", "usr/share/bash-completion/completions/sixgill", "usr/share/zsh/vendor-completions/_sixgill",
        "usr/share/fish/vendor_completions.d/sixgill.fish", "usr/share/doc/sixgill/copyright", "usr/share/doc/sixgill/THIRD-PARTY-NOTICES.md",
    ];

    /// <summary>Skips (fails in CI) without the programs the package build needs.</summary>
    public static void Require() =>
        Guard.Require("the package test", [.. new[] { ("dpkg-deb", "dpkg"), ("objdump", "binutils"), ("clang", "clang"), ("dotnet", "the .NET 10 SDK") }
            .Where(p => !LabRequirements.IsOnPath(p.Item1)).Select(p => $"'{p.Item1}' ({p.Item2})")]);

    /// <summary>Builds the package into <paramref name="directory"/> and returns the path of the one .deb there.</summary>
    public static async Task<string> BuildAsync(string directory)
    {
        var build = await new ProcessRunner().RunAsync(
            new ProcessRequest(["bash", Path.Combine(Repository(), "scripts", "package"), "--out", directory]) { Timeout = BuildTimeout },
            TestContext.Current.CancellationToken);
        build.ExitCode.ShouldBe(0, build.StandardOutput + build.StandardError);
        return Directory.GetFiles(directory, "sixgill_*.deb").ShouldHaveSingleItem();
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
