using System.Diagnostics;
using System.Globalization;
using Sixgill.Docker;
using Sixgill.Host.Docker;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>A lab node's dockerd: starts inside the node, and leaves nothing when stopped or when its run crashes.</summary>
public sealed class DockerDaemonTests
{
    /// <summary>How long tayga may take to start in its container, and the daemon's processes to end.</summary>
    private static readonly TimeSpan DaemonWait = TimeSpan.FromSeconds(20);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_stopped_daemon_leaves_no_process_directory_cgroup_or_mount()
    {
        DockerRequirements.Require();
        await DockerLeftovers.SweepAsync();
        var runner = new ProcessRunner();
        await using var lab = await TestLabs.CreateAsync(OneNode(TestLabs.NextName()));
        var node = lab.Nodes[0];

        var daemon = await DockerDaemon.StartAsync(DockerDaemonLayout.Named(lab.Name), node.Start, runner, cancellationToken: Cancel);
        using (var engine = daemon.Connect())
        {
            (await engine.PingAsync(Cancel)).ApiVersion.ShouldNotBeNullOrEmpty();
            await RunTaygaAsync(engine);
        }

        var processes = DockerLeftovers.Processes(daemon.Layout.Root);
        processes.ShouldContain(p => p.Contains(" dockerd ", StringComparison.Ordinal) || p.Contains("dockerd --data-root", StringComparison.Ordinal));
        processes.ShouldContain(p => p.Contains("containerd", StringComparison.Ordinal));
        // Its bridge is the node's; the machine has none.
        (await node.RunAsync(["ip", "-br", "link"], Cancel)).StandardOutput.ShouldContain("br-");
        (await runner.RunCheckedAsync(["ip", "-br", "link"], Cancel)).StandardOutput.ShouldNotContain("br-");

        var clock = Stopwatch.StartNew();
        await daemon.StopAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"dockerd started in {daemon.StartupTime.TotalSeconds:0.00} s, stopped with a running container in {clock.Elapsed.TotalSeconds:0.00} s");

        DockerLeftovers.Find(lab.Name).ShouldBeEmpty();
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_crashed_run_takes_its_daemon_and_containers_with_it_and_the_sweep_removes_the_rest()
    {
        DockerRequirements.Require();
        await DockerLeftovers.SweepAsync();
        var runner = new ProcessRunner();
        var name = TestLabs.NextName();
        var lab = await TestLabs.CreateAsync(OneNode(name));
        try
        {
            var daemon = await DockerDaemon.StartAsync(DockerDaemonLayout.Named(name), lab.Nodes[0].Start, runner, cancellationToken: Cancel);
            using (var engine = daemon.Connect())
            {
                await RunTaygaAsync(engine);
            }

            // The entrypoint replaces itself with tayga once the tunnel is up.
            await Wait.UntilAsync(() => TaygaPids(daemon.Layout).Count > 0, "tayga to start", DaemonWait, TimeSpan.FromMilliseconds(100), Cancel);
            var tayga = TaygaPids(daemon.Layout);
            tayga.ShouldNotBeEmpty();

            // A crash: the lab is swept by name, as `lab down` after a crashed run does; nobody stops dockerd.
            (await new LabSweeper(runner).SweepAsync(name, Cancel)).EnsureClean();

            await Wait.UntilAsync(() => DockerLeftovers.Processes(daemon.Layout.Root).Count == 0 && tayga.All(p => !LabLeftovers.IsRunning(p)), "the leftover processes to end", DaemonWait, TimeSpan.FromMilliseconds(100), Cancel);
            await DockerDaemon.RemoveLeftoversAsync(daemon.Layout, runner);
            DockerLeftovers.Find(name).ShouldBeEmpty();
        }
        finally
        {
            await lab.DisposeAsync();
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_second_daemon_for_the_same_directory_is_refused()
    {
        DockerRequirements.Require();
        var runner = new ProcessRunner();
        await using var lab = await TestLabs.CreateAsync(OneNode(TestLabs.NextName()));
        var layout = DockerDaemonLayout.Named(lab.Name);
        await using var daemon = await DockerDaemon.StartAsync(layout, lab.Nodes[0].Start, runner, cancellationToken: Cancel);

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => DockerDaemon.StartAsync(layout, lab.Nodes[0].Start, runner, cancellationToken: Cancel));

        refused.Message.ShouldContain(layout.Root);
        using var engine = daemon.Connect();
        await engine.PingAsync(Cancel);
    }

    private static LabSpec OneNode(string name) => new(name, [new("gw", "eth1", IsGateway: true)]);

    /// <summary>The support network and the tayga container, from the cached image.</summary>
    private static async Task RunTaygaAsync(DockerEngine engine)
    {
        await new DockerOfflineImageBuilder(new ProcessRunner()).EnsureAsync(engine, ImageRecipes.Nat64, Cancel);
        await engine.CreateNetworkAsync(SupportNetworkSpec.For(DockerTestConfig.Gateway), Cancel);
        await engine.CreateContainerAsync(DockerLabFixture.Nat64Spec, Cancel);
        await engine.StartContainerAsync(DockerLabFixture.Nat64Spec.Name, Cancel);
        (await engine.InspectContainerAsync(DockerLabFixture.Nat64Spec.Name, Cancel)).ShouldNotBeNull().Running.ShouldBeTrue();
    }

    /// <summary>TAYGA processes in this daemon's containers: those in a cgroup under its cgroup parent.</summary>
    private static List<int> TaygaPids(DockerDaemonLayout layout) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(p => p!.All(char.IsAsciiDigit))
            .Select(p => int.Parse(p!, CultureInfo.InvariantCulture))
            .Where(p => Read(p, "comm").Trim() == "tayga" && Read(p, "cgroup").Contains(layout.CgroupParent + "/", StringComparison.Ordinal)),
    ];

    private static string Read(int pid, string file)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/{file}");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
