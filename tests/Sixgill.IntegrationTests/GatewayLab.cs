using System.Diagnostics;
using Sixgill.Addressing;
using Sixgill.Docker;
using Sixgill.Host.Docker;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// A lab from <c>examples/lab.yaml</c> (gw, w1, w2 and the IPv4-only internet with its DNS and web
/// servers) in which <c>sixgill prepare</c> ran inside the given nodes, the gateway first — the
/// native DNS64/NAT64 set up by Sixgill's own steps, or with the docker runtime the containers of
/// a dockerd started in the gateway node first. Disposing cleans the gateway (its daemons stop, its
/// tunnel goes; or its containers go and its dockerd stops) before the lab goes.
/// </summary>
internal sealed class GatewayLab : IAsyncDisposable
{
    public const string Gateway = "gw";

    private GatewayLab(PrepareLab lab, InternetServices internet)
    {
        Lab = lab;
        Internet = internet;
    }

    /// <summary>The gateway node's dockerd (docker runtime), which every sixgill run here reaches through <c>DOCKER_HOST</c>.</summary>
    public DockerDaemon? Docker { get; private set; }

    /// <summary>The environment of every sixgill run in this lab.</summary>
    public IReadOnlyDictionary<string, string?>? Environment =>
        Docker is null ? null : new Dictionary<string, string?> { [DockerEndpoint.EnvironmentVariable] = Docker.Endpoint.ToString() };

    public PrepareLab Lab { get; }

    public InternetServices Internet { get; }

    /// <summary>Wall time of each node's prepare, as a process in the node (start to exit).</summary>
    public Dictionary<string, TimeSpan> PrepareTimes { get; } = [];

    /// <summary>The config file the nodes were prepared with (an absolute path they can read).</summary>
    public string ConfigPath => Lab.ConfigPath;

    public LabNode Node(string name) => Lab.Node(name);

    public static IReadOnlyList<string> Curl(string url) => ["curl", "--silent", "--show-error", "--noproxy", "*", "--max-time", "5", url];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A lab with <paramref name="nodes"/> prepared, in that order; <paramref name="editConfig"/> changes the config copy first.</summary>
    public static Task<GatewayLab> CreateAsync(Func<string, string>? editConfig, params string[] nodes) => CreateAsync(editConfig, null, nodes);

    /// <summary>The same, with <paramref name="startDocker"/> run before the first prepare: it starts the gateway node's dockerd (docker runtime).</summary>
    public static async Task<GatewayLab> CreateAsync(Func<string, string>? editConfig, Func<PrepareLab, Task<DockerDaemon>>? startDocker, params string[] nodes)
    {
        GatewayRequirements.Require();
        var lab = await PrepareLab.ThreeNodesAsync(editConfig);
        GatewayLab? prepared = null;
        try
        {
            var internet = await InternetServices.StartAsync(lab.Lab, dnsAddress: LabInternet.DnsServer, cancellationToken: Cancel);
            prepared = new GatewayLab(lab, internet);
            if (startDocker is not null)
            {
                prepared.Docker = await startDocker(lab);
            }

            foreach (var node in nodes)
            {
                await prepared.PrepareAsync(node);
            }

            return prepared;
        }
        catch
        {
            if (prepared is not null)
            {
                await prepared.DisposeAsync();
            }
            else
            {
                await lab.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary><c>sixgill prepare</c> in the node; fails the test unless it exits 0.</summary>
    public async Task<ProcessResult> PrepareAsync(string node)
    {
        var clock = Stopwatch.StartNew();
        var result = await SixgillAsync(node, "prepare");
        PrepareTimes[node] = clock.Elapsed;
        result.ExitCode.ShouldBe(0, $"prepare on {node}: {result.StandardOutput}{result.StandardError}");
        return result;
    }

    public Task<ProcessResult> SixgillAsync(string node, params string[] arguments) => Lab.SixgillAsync(Node(node), Environment, arguments);

    /// <summary>The pid in a daemon's pid file on the gateway (<c>/run/sixgill/…</c>).</summary>
    public async Task<int> PidAsync(string pidFile) =>
        int.Parse((await PrepareLab.ShAsync(Node(Gateway), $"cat {pidFile}")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stops the gateway daemon its pid file names, as a crash of that daemon would (SIGTERM; waits until it is gone).</summary>
    public async Task StopDaemonAsync(string pidFile)
    {
        var pid = await PidAsync(pidFile);
        await PrepareLab.ShAsync(Node(Gateway), $"kill {pid}; while kill -0 {pid} 2>/dev/null; do sleep 0.05; done");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Sixgill's own clean stops named and TAYGA and deletes the tunnel; whatever it left, the
            // tunnel still goes by name before its namespace (TESTING.md §4), the daemons with the lab.
            var gateway = Node(Gateway);
            await SixgillAsync(Gateway, "clean");
            if (Docker is not null)
            {
                await Docker.StopAsync();
            }

            if ((await gateway.RunAsync(["ip", "link", "show", GatewayServices.Nat64Tunnel], CancellationToken.None)).Succeeded)
            {
                (await gateway.RunAsync(["ip", "link", "delete", GatewayServices.Nat64Tunnel], CancellationToken.None)).EnsureSuccess();
            }
        }
        finally
        {
            await Lab.DisposeAsync();
        }
    }
}
