using Sixgill.Tests.Cli;

namespace Sixgill.Tests.Product;

/// <summary>Warnings reach stderr on every command without -v; --quiet hides only those that are not about security.</summary>
public sealed class WarningsTests
{
    /// <summary>Insecure with no token (security: SG091, SG094) and a node with id 1 (not security: SG092).</summary>
    private const string Config = """
        general:
          mode: ipv4
          insecure: true
        topology:
          cp1: { interface: eth1, opmodes: "master", id: 1 }
          wk1: { interface: eth1, opmodes: "minion", id: 11 }
        mgmt_net: { cidr: "10.192.0.0/16" }
        pod_net: { cidr: "10.244.0.0/16" }
        service_net: { cidr: "10.96.0.0/16" }
        """;

    [Theory]
    [InlineData("explain")]
    [InlineData("validate")]
    [InlineData("plan")]
    public void Security_and_other_warnings_show_without_dash_v(string command)
    {
        var path = CliRun.TempConfig(Config);
        try
        {
            var run = CliRun.Of(command, "-c", path, "--host", "wk1");

            run.Error.ShouldContain("warning SG091");
            run.Error.ShouldContain("warning SG094");
            run.Error.ShouldContain("warning SG092");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Quiet_hides_the_other_warnings_never_the_security_ones()
    {
        var path = CliRun.TempConfig(Config);
        try
        {
            var run = CliRun.Of("explain", "-c", path, "--quiet");

            run.ExitCode.ShouldBe(0);
            run.Error.ShouldContain("warning SG091");
            run.Error.ShouldContain("warning SG094");
            run.Error.ShouldNotContain("SG092");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
