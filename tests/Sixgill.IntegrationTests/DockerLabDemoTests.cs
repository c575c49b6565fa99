using System.Text.Json;
using Sixgill.Docker;
using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// <c>sixgill lab demo --runtime docker</c> end to end: the lab starts a dockerd in its gateway node,
/// makes sure of Sixgill's images, prepares with DNS64 and NAT64 as containers, passes the same
/// checks as the native runtime, and leaves nothing — no dockerd or containerd, no directory,
/// cgroup, mount or namespace, the machine's own namespace unchanged.
/// </summary>
public sealed class DockerLabDemoTests
{
    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_demo_with_the_docker_runtime_passes_every_check_and_removes_its_dockerd()
    {
        DockerRequirements.Require();
        await DockerLeftovers.SweepAsync();
        var before = await RootNamespaceSnapshot.TakeAsync();
        var lab = await LabCli.NewAsync();
        try
        {
            var demo = await lab.RunAsync("demo", "--runtime", "docker", "--output", "json");
            TestContext.Current.TestOutputHelper?.WriteLine(demo.StandardError);
            TestContext.Current.TestOutputHelper?.WriteLine(demo.StandardOutput);

            demo.ExitCode.ShouldBe(0, demo.StandardOutput + demo.StandardError);
            demo.StandardError.ShouldContain("runtime docker: a dockerd in the gateway node");
            using var report = JsonDocument.Parse(demo.StandardOutput);
            var root = report.RootElement;
            root.GetProperty("passed").GetBoolean().ShouldBeTrue();
            root.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["up", "prepare", "verify", "clean", "down"]);
            var checks = root.GetProperty("checks").EnumerateArray().ToList();
            checks.Select(c => c.GetProperty("node").GetString()).Distinct().ShouldBe(["w1", "w2"]);
            checks.ShouldAllBe(c => c.GetProperty("outcome").GetString() == "passed");
            checks.Single(c => c.GetProperty("node").GetString() == "w1" && c.GetProperty("name").GetString() == "http-by-name")
                .GetProperty("detail").GetString()!.ShouldContain("fd00:10:64:ff9b::cb00:7150");

            await lab.ShouldBeGoneAsync([]);
            DockerLeftovers.Find(lab.Name).ShouldBeEmpty();
            DockerLeftovers.Processes(DockerDaemonLayout.Named(lab.Name).Root).ShouldBeEmpty();
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }

        (await RootNamespaceSnapshot.TakeAsync()).ShouldBe(before);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_docker_demo_killed_in_prepare_leaves_a_dockerd_that_lab_down_stops_and_removes()
    {
        DockerRequirements.Require();
        await DockerLeftovers.SweepAsync();
        var before = await RootNamespaceSnapshot.TakeAsync();
        var lab = await LabCli.NewAsync();
        try
        {
            var demo = await lab.RunAsync(new Dictionary<string, string?> { [LabTestHooks.KillVariable] = "prepare" }, "demo", "--runtime", "docker");
            demo.ExitCode.ShouldBe(137, "killed with SIGKILL by the test hook: " + demo.StandardError);
            var layout = DockerDaemonLayout.Named(lab.Name);
            DockerLeftovers.Processes(layout.Root).ShouldNotBeEmpty("the crashed demo's dockerd still runs");

            var pids = await lab.ProcessesAsync();
            var down = await lab.RunAsync("down");
            down.ExitCode.ShouldBe(0, down.StandardOutput + down.StandardError);
            await lab.ShouldBeGoneAsync(pids);
            DockerLeftovers.Find(lab.Name).ShouldBeEmpty();
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }

        (await RootNamespaceSnapshot.TakeAsync()).ShouldBe(before);
    }
}
