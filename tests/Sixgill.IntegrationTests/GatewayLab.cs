using System.Diagnostics;
using System.Runtime.CompilerServices;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Gateway;
using Sixgill.Host;
using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// A lab shaped like a config file, with the lab internet's services running and the native
/// DNS64/NAT64 gateway set up by hand, command by command, as in
/// <c>shared/recipes/native-gateway-by-hand.sh</c> — but with the files Sixgill renders. The steps
/// that will do this belong to the change engine; until then these tests prove the rendered files
/// and the verify checks against real daemons.
/// </summary>
internal sealed class GatewayLab : IAsyncDisposable
{
    /// <summary>How long named, TAYGA and the web path get to come up.</summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(15);

    private GatewayLab(VirtualLab lab, Cluster cluster, string configPath)
    {
        Lab = lab;
        Cluster = cluster;
        ConfigPath = configPath;
        Plan = AddressPlan.For(cluster);
    }

    public VirtualLab Lab { get; }

    public Cluster Cluster { get; }

    /// <summary>The config file the cluster came from, as an absolute path a node can read.</summary>
    public string ConfigPath { get; }

    public AddressPlan Plan { get; }

    public GatewayServices Services => Plan.Gateway!;

    public LabNode Gateway => Lab.Node(Services.NodeName);

    public InternetServices Internet { get; private set; } = null!;

    public RunningProcess Named { get; private set; } = null!;

    public RunningProcess Tayga { get; private set; } = null!;

    /// <summary>From starting named to its first synthesized answer at a minion.</summary>
    public TimeSpan NamedReady { get; private set; }

    /// <summary>From starting TAYGA to the first page fetched through it.</summary>
    public TimeSpan TaygaReady { get; private set; }

    /// <summary>The lab's examples/lab.yaml, found from this source file (as the golden files are).</summary>
    public static string ExampleConfig([CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", "examples", "lab.yaml"));

    public static Cluster Load(string path)
    {
        var result = ConfigLoader.LoadFile(path);
        return result.Cluster ?? throw new InvalidOperationException($"{path}: {string.Join("; ", result.Diagnostics.Select(d => d.Format(path)))}");
    }

    public static async Task<GatewayLab> CreateAsync(string? configPath = null)
    {
        configPath ??= ExampleConfig();
        var cluster = Load(configPath);
        var spec = new LabSpec(TestLabs.NextName(), [.. cluster.Nodes.Select(n => new LabNodeSpec(n.Name, n.Interface, n.IsGateway))], WithInternet: true);
        var lab = await TestLabs.CreateAsync(spec);
        var gatewayLab = new GatewayLab(lab, cluster, configPath);
        try
        {
            await gatewayLab.SetUpAsync();
            return gatewayLab;
        }
        catch
        {
            await gatewayLab.DisposeAsync();
            throw;
        }
    }

    public LabNode Node(string name) => Lab.Node(name);

    public static async Task<ProcessResult> CheckedAsync(LabNode node, params string[] command) =>
        (await node.RunAsync(command, TestContext.Current.CancellationToken)).EnsureSuccess();

    public static Task<ProcessResult> WriteAsync(LabNode node, string path, string text) =>
        node.RunAsync(new ProcessRequest(["tee", path]) { StandardInput = text }, TestContext.Current.CancellationToken)
            .ContinueWith(t => t.Result.EnsureSuccess(), TaskScheduler.Default);

    /// <summary>Starts a named for <paramref name="plan"/> with files under <paramref name="paths"/>, as the DNS64 unit would (but with -g).</summary>
    public static async Task<RunningProcess> StartNamedAsync(LabNode gateway, AddressPlan plan, GatewayPaths paths)
    {
        await CheckedAsync(gateway, "mkdir", "-p", paths.Dns64ConfigDirectory);
        // named drops to 'bind' after binding port 53: its directory, pid file and key must be bind's.
        await CheckedAsync(gateway, "install", "-d", "-o", Dns64NamedConf.ServiceUser, "-g", Dns64NamedConf.ServiceUser, "-m", "0750", paths.Dns64StateDirectory);
        await WriteAsync(gateway, paths.Dns64Config, Dns64NamedConf.Render(plan, paths));
        await CheckedAsync(gateway, "named-checkconf", paths.Dns64Config);
        return gateway.Start(new ProcessRequest(["named", "-g", "-u", Dns64NamedConf.ServiceUser, "-c", paths.Dns64Config]));
    }

    /// <summary>Asks <paramref name="server"/> from <paramref name="node"/> until it answers with something, or the time is up.</summary>
    public static async Task<string> DigUntilAnswerAsync(LabNode node, string server, string name, string type, RunningProcess? daemon = null)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < ReadyTimeout)
        {
            if (daemon is { HasExited: true })
            {
                throw new InvalidOperationException($"{string.Join(" ", daemon.Command)} exited with {daemon.ExitCode}: {daemon.StandardError}");
            }

            var dig = await node.RunAsync(["dig", "+short", "+time=1", "+tries=1", $"@{server}", name, type], TestContext.Current.CancellationToken);
            last = dig.StandardOutput.Trim();
            if (dig.Succeeded && last.Length > 0)
            {
                return last;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"no answer from {server} for {name} {type} within {ReadyTimeout.TotalSeconds} s: {last}");
    }

    public static IReadOnlyList<string> Curl(string url) => ["curl", "--silent", "--show-error", "--noproxy", "*", "--max-time", "5", url];

    public async ValueTask DisposeAsync()
    {
        try
        {
            // TAYGA first, then its tunnel, by name, while the namespace still exists (TESTING.md §4).
            if (Tayga is not null)
            {
                await Tayga.StopAsync(RunningProcess.DefaultGrace);
            }

            var gateway = Lab.Nodes.FirstOrDefault(n => n.IsGateway);
            if (gateway is not null && (await gateway.RunAsync(["ip", "-j", "link", "show", GatewayServices.Nat64Tunnel], CancellationToken.None)).Succeeded)
            {
                (await gateway.RunAsync(["ip", "link", "delete", GatewayServices.Nat64Tunnel], CancellationToken.None)).EnsureSuccess();
            }
        }
        finally
        {
            await Lab.DisposeAsync();
        }
    }

    private async Task SetUpAsync()
    {
        var services = Services;
        Internet = await InternetServices.StartAsync(Lab, dnsAddress: services.RemoteServer.ToString(), cancellationToken: TestContext.Current.CancellationToken);

        foreach (var node in Plan.Nodes)
        {
            var labNode = Lab.Node(node.Name);
            await CheckedAsync(labNode, "ip", "address", "add", node.ManagementAddress.ToString(), "dev", node.Node.Interface);
        }

        // The gateway node, as SPEC §6.1 has it: forwarding, sixgill0 with dns64.ip, named, TAYGA, NAT44.
        var gateway = Gateway;
        var paths = GatewayPaths.Default;
        await CheckedAsync(gateway, "sysctl", "-q", "-w", "net.ipv6.conf.all.forwarding=1", "net.ipv4.ip_forward=1");
        await CheckedAsync(gateway, "ip", "link", "add", GatewayServices.SupportBridge, "type", "bridge");
        await CheckedAsync(gateway, "ip", "link", "set", GatewayServices.SupportBridge, "up");
        await CheckedAsync(gateway, "ip", "address", "add", $"{services.Dns64Address}/{services.SupportNetwork.Length}", "dev", GatewayServices.SupportBridge, "nodad");

        var namedStart = Stopwatch.StartNew();
        Named = await StartNamedAsync(gateway, Plan, paths);

        await CheckedAsync(gateway, "mkdir", "-p", paths.Nat64ConfigDirectory, paths.Nat64StateDirectory);
        await WriteAsync(gateway, paths.Nat64Config, Nat64TaygaConf.Render(Plan, paths));
        await WriteAsync(gateway, paths.Nat44Ruleset, Nat44Ruleset.Render(Plan));
        await CheckedAsync(gateway, "tayga", "-c", paths.Nat64Config, "--mktun");
        await CheckedAsync(gateway, "ip", "link", "set", GatewayServices.Nat64Tunnel, "up");
        foreach (var route in Plan[services.NodeName].PrepareRoutes)
        {
            await CheckedAsync(gateway, ["ip", "route", "replace", .. route.ToString().Split(' ')]);
        }

        await CheckedAsync(gateway, "nft", "-f", paths.Nat44Ruleset);
        var taygaStart = Stopwatch.StartNew();
        Tayga = gateway.Start(new ProcessRequest(["tayga", "-c", paths.Nat64Config, "--nodetach"]));

        // Every other node: routes via the gateway; every cluster node: dns64.ip as its resolver.
        foreach (var node in Plan.Nodes)
        {
            var labNode = Lab.Node(node.Name);
            if (node.Services is null)
            {
                foreach (var route in node.PrepareRoutes)
                {
                    await CheckedAsync(labNode, ["ip", "route", "replace", .. route.ToString().Split(' ')]);
                }
            }

            if (node.Nameserver is { } nameserver)
            {
                await WriteAsync(labNode, "/etc/resolv.conf", $"nameserver {nameserver}\n");
            }
        }

        var minion = Lab.Node(Plan.Nodes.First(n => n.Services is null).Name);
        await DigUntilAnswerAsync(minion, services.Dns64Address.ToString(), InternetZone.WebName, "AAAA", Named);
        NamedReady = namedStart.Elapsed;
        await FetchUntilPageAsync(minion, taygaStart);
    }

    private async Task FetchUntilPageAsync(LabNode minion, Stopwatch taygaStart)
    {
        ProcessResult? last = null;
        while (taygaStart.Elapsed < ReadyTimeout)
        {
            if (Tayga.HasExited)
            {
                throw new InvalidOperationException($"tayga exited with {Tayga.ExitCode}: {Tayga.StandardError}");
            }

            last = await minion.RunAsync(Curl(InternetServices.WebUrl()), TestContext.Current.CancellationToken);
            if (last.Succeeded && last.StandardOutput == InternetServices.Page)
            {
                TaygaReady = taygaStart.Elapsed;
                return;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"no page through NAT64 within {ReadyTimeout.TotalSeconds} s: {last?.StandardError}");
    }
}
