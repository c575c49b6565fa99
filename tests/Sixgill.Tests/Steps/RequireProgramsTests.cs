using Sixgill.Gateway;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

public sealed class RequireProgramsTests
{
    private static readonly RequirePrograms Gateway = new([.. GatewayPrograms.Required]);

    [Fact]
    public void With_every_program_installed_the_check_passes_and_there_is_nothing_to_apply_or_undo()
    {
        var node = new FakeGatewayNode();

        Gateway.Probe(node.Context).ShouldBe(ProbeResult.Present);
        Gateway.FindUndo(node.Context).ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => Gateway.PrepareUndo(node.Context));
    }

    [Fact]
    public void Missing_programs_stop_the_run_naming_each_package_and_the_one_install_line()
    {
        var node = new FakeGatewayNode();
        node.Programs.Installed.Remove("tayga");
        node.Programs.Installed.Remove("named");

        var error = Should.Throw<PreconditionFailedException>(() => Gateway.Probe(node.Context));

        error.Message.ShouldContain("named (the DNS64 server) is missing: it is in the Debian package bind9");
        error.Message.ShouldContain("tayga (the NAT64) is missing: it is in the Debian package tayga");
        error.Message.ShouldContain("Install with: apt-get install -y bind9 tayga");
        error.Message.ShouldEndWith("nothing was changed");
    }
}
