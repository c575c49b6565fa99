using System.Diagnostics;
using Sixgill.Docker;
using Sixgill.Host;
using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// The docker runtime of SPEC §6.2 by hand, in a lab shaped like examples/lab.yaml: dockerd inside
/// the gateway node, Sixgill's images (built offline, cached), the support network and both
/// containers made through <see cref="IDockerEngine"/>, and around them what the steps will do —
/// named.conf, forwarding, the routes of §4.4 — plus the lab's internet (dnsmasq, a web server).
/// One per test class; removed in <see cref="DisposeAsync"/>.
/// </summary>
public sealed class DockerLabFixture : IAsyncLifetime
{
    /// <summary>What the lab's IPv4-only web server serves.</summary>
    public const string Page = "hello from the IPv4-only web";

    private readonly List<string> _timings = [];
    private VirtualLab? _lab;
    private DockerDaemon? _daemon;
    private DockerEngine? _engine;
    private DirectoryInfo? _www;
    private Exception? _failure;

    internal VirtualLab Lab => Ready(_lab);

    internal DockerDaemon Daemon => Ready(_daemon);

    internal IDockerEngine Engine => Ready(_engine);

    internal LabNode Gateway => Lab.Gateway!;

    /// <summary>The machine's own namespace before the lab and its dockerd existed.</summary>
    internal RootNamespaceSnapshot? Before { get; private set; }

    internal IReadOnlyList<ImageBuildResult> Images { get; private set; } = [];

    /// <summary>How long each part took, for the test log (and docs/testing.md).</summary>
    public IReadOnlyList<string> Timings => _timings;

    public async ValueTask InitializeAsync()
    {
        if (DockerRequirements.Missing().Count > 0)
        {
            return;
        }

        try
        {
            await BuildAsync();
        }
        catch (Exception e)
        {
            // Reported by every test that asks for the lab, with the cause, instead of a bare fixture error.
            _failure = e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _engine?.Dispose();
        if (_daemon is not null)
        {
            await _daemon.StopAsync();
        }

        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }

        _www?.Delete(recursive: true);
    }

    private T Ready<T>(T? value)
        where T : class
    {
        DockerRequirements.Require();
        if (_failure is not null)
        {
            throw new InvalidOperationException($"the docker lab could not be built: {_failure.Message}\n{_daemon?.Log}", _failure);
        }

        return value ?? throw new InvalidOperationException("the docker lab was not built");
    }

    private async Task BuildAsync()
    {
        var clock = Stopwatch.StartNew();
        var runner = new ProcessRunner();
        Before = await RootNamespaceSnapshot.TakeAsync();
        await DockerLeftovers.SweepAsync();
        _lab = await TestLabs.CreateAsync(TestLabs.ThreeNodes(TestLabs.NextName()));
        Time("lab", clock);

        StartInternet(_lab.Internet!);
        var gateway = _lab.Gateway!;
        await gateway.RunAsync(["ip", "address", "replace", "fd00:20::2/64", "dev", gateway.Interface]).Checked();
        // §5.1 step 2 on the gateway: the node routes between its uplink, the switch and docker's bridge.
        await gateway.RunAsync(["sysctl", "-w", "net.ipv6.conf.all.forwarding=1", "net.ipv4.ip_forward=1"]).Checked();

        _daemon = await DockerDaemon.StartAsync(DockerDaemonLayout.Named(_lab.Name), gateway.Start, runner);
        _engine = _daemon.Connect();
        _timings.Add($"dockerd answered in {_daemon.StartupTime.TotalSeconds:0.00} s");
        clock.Restart();

        var builder = new DockerOfflineImageBuilder(runner);
        Images = [await builder.EnsureAsync(_engine, ImageRecipes.Dns64), await builder.EnsureAsync(_engine, ImageRecipes.Nat64)];
        foreach (var image in Images)
        {
            _timings.Add($"{image.Image}: root file system {image.RootfsTime.TotalSeconds:0.0} s, import {image.ImportTime.TotalSeconds:0.0} s");
        }

        Time("images", clock);
        await StartServicesAsync(gateway);
        Time("network and containers", clock);
        await WireNodesAsync();
    }

    private void StartInternet(LabNamespace internet)
    {
        _www = Directory.CreateTempSubdirectory("sg-docker-www-");
        File.WriteAllText(Path.Combine(_www.FullName, "index.html"), Page + "\n");
        internet.Start(new ProcessRequest(
        [
            "dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--bind-interfaces",
            $"--listen-address={LabInternet.DnsServer}", "--pid-file=", $"--host-record=web.example.test,{LabInternet.WebServer}",
            "--local=/example.test/",
        ]));
        internet.Start(new ProcessRequest(["python3", "-m", "http.server", "8080", "--bind", LabInternet.WebServer, "--directory", _www.FullName]));
    }

    /// <summary>What the docker steps of prepare will do on the gateway node, through the adapter.</summary>
    private async Task StartServicesAsync(LabNode gateway)
    {
        var services = DockerTestConfig.Gateway;
        var dns64Dir = Dns64ContainerSpec.HostConfigDirectory;
        await gateway.RunAsync(["mkdir", "-p", dns64Dir]).Checked();
        await gateway.RunAsync(new ProcessRequest(["tee", $"{dns64Dir}/{Dns64ContainerSpec.ConfigFileName}"]) { StandardInput = DockerTestConfig.NamedConf() }).Checked();

        await Engine.CreateNetworkAsync(SupportNetworkSpec.For(services));
        // NAT64 first: its addresses are fixed, and the DNS64 container routes through it.
        foreach (var spec in new[] { Nat64Spec, Dns64Spec })
        {
            await Engine.CreateContainerAsync(spec);
            await Engine.StartContainerAsync(spec.Name);
        }
    }

    internal static ContainerSpec Nat64Spec => Nat64ContainerSpec.For(DockerTestConfig.Gateway, ImageRecipes.Image(ImageRecipes.Nat64).Reference);

    internal static ContainerSpec Dns64Spec => Dns64ContainerSpec.For(DockerTestConfig.Gateway, ImageRecipes.Image(ImageRecipes.Dns64).Reference);

    /// <summary>Addresses and the routes of §4.4, the argv the route steps will run; and NAT44 for the pool.</summary>
    private async Task WireNodesAsync()
    {
        var plan = DockerTestConfig.Plan.Value;
        foreach (var node in Lab.Nodes)
        {
            await node.RunAsync(["ip", "address", "replace", plan[node.Name].ManagementAddress.ToString(), "dev", node.Interface]).Checked();
            foreach (var route in DockerTestConfig.RouteCommands(node.Name))
            {
                await node.RunAsync(route).Checked();
            }
        }

        // On a real machine docker's own masquerade (ip-masq) turns the pool into the machine's
        // uplink address; this lab's dockerd runs with --ip-masq=false, so the node does it.
        var pool = DockerTestConfig.Gateway.Nat64Pool;
        await Gateway.RunAsync(new ProcessRequest(["nft", "-f", "-"])
        {
            StandardInput = $$"""
                table ip sixgill {
                  chain postrouting {
                    type nat hook postrouting priority srcnat; policy accept;
                    ip saddr {{pool}} masquerade
                  }
                }

                """,
        }).Checked();
    }

    private void Time(string what, Stopwatch clock)
    {
        _timings.Add($"{what}: {clock.Elapsed.TotalSeconds:0.00} s");
        clock.Restart();
    }
}
