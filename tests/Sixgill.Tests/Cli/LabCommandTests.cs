using Sixgill.Cli;
using Sixgill.Cli.Commands;
using Sixgill.Lab;

namespace Sixgill.Tests.Cli;

/// <summary>What the lab commands refuse before they touch anything (safe in-process, as any user).</summary>
public sealed class LabCommandTests
{
    [Fact]
    public void A_lab_name_that_could_overlap_another_labs_names_is_refused()
    {
        var run = CliRun.Of("lab", "up", "--name", "demo-2");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain("lab name 'demo-2' is not usable");
    }

    [Fact]
    public void A_config_whose_remote_server_is_a_real_address_cannot_become_a_lab()
    {
        var run = CliRun.Of("lab", "demo", "--name", "unitx", "-c", CliRun.Example("orca.yaml"));

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain("cannot become a lab: dns64.remote_server 64.102.6.247 is not an address of the lab internet");
    }

    [Fact]
    public void A_config_with_errors_stops_with_exit_2()
    {
        var config = CliRun.TempConfig("topology: 3\n");
        try
        {
            CliRun.Of("lab", "up", "--name", "unitx", "-c", config).ExitCode.ShouldBe(ExitCodes.BadInput);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void Missing_programs_are_named_with_their_packages_and_one_install_line()
    {
        var error = Should.Throw<SixgillException>(() => LabPreconditions.RequirePrograms(LabPrograms.Demo(withInternet: true, nativeGateway: true), program => program is not ("tayga" or "dnsmasq")));

        error.ExitCode.ShouldBe(ExitCodes.Precondition);
        error.Message.ShouldContain("tayga (the NAT64) is missing: it is in the Debian package tayga");
        error.Message.ShouldContain("dnsmasq (the lab internet's DNS server) is missing: it is in the Debian package dnsmasq-base");
        error.Hint.ShouldBe("apt-get install -y dnsmasq-base tayga");
    }

    [Fact]
    public void The_lab_group_lists_its_five_commands()
    {
        var run = CliRun.Of("lab", "--help");

        foreach (var command in new[] { "up", "down", "status", "exec", "demo" })
        {
            run.Out.ShouldContain("  " + command);
        }
    }
}
