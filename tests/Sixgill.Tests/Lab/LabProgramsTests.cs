using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

public sealed partial class LabProgramsTests
{
    /// <summary>A file of the repository, found from this source file's path (as the golden files are).</summary>
    private static string Repository(string relative, [CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", "..", relative));

    [Fact]
    public void Scripts_demo_installs_exactly_the_packages_of_the_programs_lab_demo_runs_and_CI_has_them_all()
    {
        var packages = LabPrograms.Demo(withInternet: true, nativeGateway: true).Select(p => p.Package).Distinct().Order().ToList();
        var script = File.ReadAllText(Repository("scripts/demo"));
        var ci = File.ReadAllLines(Repository(".ci/packages.txt")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        LabPackages().Match(script).Groups[1].Value.Split(' ').Order().ShouldBe(packages);
        packages.ShouldBeSubsetOf(ci);
    }

    [Fact]
    public void The_demo_checks_the_gateways_programs_only_for_the_native_runtime()
    {
        LabPrograms.Demo(withInternet: true, nativeGateway: true).Select(p => p.Name).ShouldContain("tayga");
        LabPrograms.Demo(withInternet: true, nativeGateway: false).Select(p => p.Name).ShouldNotContain("tayga");
        LabPrograms.Up(withInternet: false).Select(p => p.Name).ShouldNotContain("dnsmasq");
    }

    [Fact]
    public void Sshd_is_checked_only_for_a_lab_with_the_access_network()
    {
        LabPrograms.Up(withInternet: true).Select(p => p.Name).ShouldContain("sshd");
        LabPrograms.Demo(withInternet: true, nativeGateway: true, access: false).Select(p => p.Name).ShouldNotContain("sshd");
        LabPrograms.Demo(withInternet: true, nativeGateway: true, access: false).Select(p => p.Name).ShouldNotContain("ssh-keygen");
    }

    [GeneratedRegex(@"lab_packages=\(([^)]*)\)")]
    private static partial Regex LabPackages();
}
