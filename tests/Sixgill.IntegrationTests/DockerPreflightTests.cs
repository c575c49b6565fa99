using Sixgill.Docker;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// The docker runtime's preflight in a fresh gateway node: with no Docker Engine at
/// <c>DOCKER_HOST</c>, <c>sixgill prepare</c> exits 3 with the fix and changes nothing. Needs no dockerd.
/// </summary>
public sealed class DockerPreflightTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Prepare_with_no_engine_exits_3_naming_the_fix_and_changes_nothing()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync(DockerLabFixture.DockerRuntime);
        var gw = lab.Node(GatewayLab.Gateway);
        var socket = $"/tmp/sg-no-engine-{Environment.ProcessId}/docker.sock";
        var before = await PrepareLab.ShAsync(gw, "ip -br address; ip -6 route; ip -4 route; sysctl -n net.ipv6.conf.all.forwarding net.ipv4.ip_forward");

        var result = await lab.SixgillAsync(gw, new Dictionary<string, string?> { [DockerEndpoint.EnvironmentVariable] = $"unix://{socket}" }, "prepare");

        result.ExitCode.ShouldBe(3, result.StandardOutput + result.StandardError);
        result.StandardError.ShouldContain($"there is no socket {socket}");
        result.StandardError.ShouldContain("nothing was changed");
        result.StandardError.ShouldContain("DOCKER_HOST");
        (await PrepareLab.ShAsync(gw, "ip -br address; ip -6 route; ip -4 route; sysctl -n net.ipv6.conf.all.forwarding net.ipv4.ip_forward")).ShouldBe(before);
        (await gw.RunAsync(["test", "-e", Dns64ContainerSpec.HostConfigDirectory], Cancel)).ExitCode.ShouldNotBe(0);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Images_build_with_no_engine_exits_3_naming_the_fix()
    {
        var socket = $"/tmp/sg-no-engine-{Environment.ProcessId}/docker.sock";
        var request = new ProcessRequest([SixgillInNode.Executable, "images", "build"])
        {
            Environment = new Dictionary<string, string?> { [DockerEndpoint.EnvironmentVariable] = $"unix://{socket}" },
        };

        var result = await new ProcessRunner().RunAsync(request, Cancel);

        result.ExitCode.ShouldBe(3, result.StandardOutput + result.StandardError);
        result.StandardError.ShouldContain($"there is no socket {socket}; nothing was built");
        result.StandardError.ShouldContain("DOCKER_HOST");
    }
}
