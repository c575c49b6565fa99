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

    private static readonly SemaphoreSlim Building = new(1, 1);
    private static string? built;

    /// <summary>
    /// The package, built once per test run (a NativeAOT publish takes minutes) into a directory of its
    /// own; each test copies it into <paramref name="directory"/> and gets the copy's path.
    /// </summary>
    public static async Task<string> BuildAsync(string directory)
    {
        await Building.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (built is null || !File.Exists(built))
            {
                var output = Directory.CreateTempSubdirectory("sixgill-package-").FullName;
                var build = await new ProcessRunner().RunAsync(
                    new ProcessRequest(["bash", Path.Combine(Repository(), "scripts", "package"), "--out", output]) { Timeout = BuildTimeout },
                    TestContext.Current.CancellationToken);
                build.ExitCode.ShouldBe(0, build.StandardOutput + build.StandardError);
                built = Directory.GetFiles(output, "sixgill_*.deb").ShouldHaveSingleItem();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(output, recursive: true);
            }
        }
        finally
        {
            Building.Release();
        }

        Directory.CreateDirectory(directory);
        var copy = Path.Combine(directory, Path.GetFileName(built));
        File.Copy(built, copy, overwrite: true);
        return copy;
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
