using Sixgill.Gateway;

namespace Sixgill.Tests.Gateway;

public sealed class GatewayProgramsTests
{
    [Fact]
    public void Nothing_missing_means_ready_and_no_install_line()
    {
        var preflight = GatewayPrograms.Check(_ => true);

        preflight.IsReady.ShouldBeTrue();
        preflight.InstallCommand.ShouldBeNull();
        preflight.Describe().ShouldBeEmpty();
    }

    [Fact]
    public void Each_missing_program_names_its_debian_package()
    {
        var preflight = GatewayPrograms.Check(_ => false);

        preflight.Missing.Select(p => (p.Name, p.Package)).ShouldBe(
        [
            ("named", "bind9"),
            ("named-checkconf", "bind9-utils"),
            ("tayga", "tayga"),
            ("nft", "nftables"),
        ]);
        preflight.InstallCommand.ShouldBe("apt-get install -y bind9 bind9-utils tayga nftables");
    }

    [Fact]
    public void Only_the_missing_packages_are_in_the_install_line()
    {
        var preflight = GatewayPrograms.Check(program => program is "named" or "named-checkconf" or "nft");

        preflight.IsReady.ShouldBeFalse();
        preflight.InstallCommand.ShouldBe("apt-get install -y tayga");
        preflight.Describe().Single().ShouldBe("tayga (the NAT64) is missing: it is in the Debian package tayga");
    }

    [Fact]
    public void A_package_with_two_missing_programs_is_named_once()
    {
        var preflight = GatewayPrograms.Check(program => program is "named" or "tayga" or "nft" ? false : true);

        preflight.Packages.ShouldBe(["bind9", "tayga", "nftables"]);
    }
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProgramSearchTests
{
    [Fact]
    public void Finds_programs_on_the_path_and_in_the_system_directories()
    {
        Sixgill.Host.Processes.ProgramSearch.Find("sh").ShouldNotBeNull();
        Sixgill.Host.Processes.ProgramSearch.IsInstalled("sixgill-no-such-program").ShouldBeFalse();
        Sixgill.Host.Processes.ProgramSearch.Find("/bin/sh").ShouldBe("/bin/sh");
        var plain = Path.GetTempFileName();
        try
        {
            File.SetUnixFileMode(plain, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Sixgill.Host.Processes.ProgramSearch.Find(plain).ShouldBeNull("not executable");
        }
        finally
        {
            File.Delete(plain);
        }
    }

    [Fact]
    public void The_preflight_runs_against_this_machine()
    {
        var preflight = GatewayPrograms.Check(Sixgill.Host.Processes.ProgramSearch.IsInstalled);

        preflight.Missing.ShouldAllBe(p => !Sixgill.Host.Processes.ProgramSearch.IsInstalled(p.Name));
    }
}
