using System.Diagnostics;
using Sixgill.Docker;
using Sixgill.Host.Docker;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// The docker runtime (docs/gateway.md) as a user gets it: a <see cref="GatewayLab"/> from
/// examples/lab.yaml with <c>runtime: docker</c>, a dockerd inside the gateway node with Sixgill's
/// images (built offline, cached), and <c>sixgill prepare</c> run in gw, w1 and w2 — the support
/// network, both containers, the routes and NAT44 made by Sixgill's own steps. One per test class;
/// disposing cleans the gateway, stops the dockerd and removes the lab.
/// </summary>
public sealed class DockerLabFixture : IAsyncLifetime
{
    private readonly List<string> timings = [];
    private GatewayLab? lab;
    private DockerEngine? engine;
    private Exception? failure;

    internal GatewayLab Lab => Ready(this.lab);

    internal DockerDaemon Daemon => Ready(Lab.Docker);

    internal IDockerEngine Engine => Ready(this.engine);

    internal LabNode Gateway => Lab.Node(GatewayLab.Gateway);

    /// <summary>The machine's own namespace before the lab and its dockerd existed.</summary>
    internal RootNamespaceSnapshot? Before { get; private set; }

    internal IReadOnlyList<ImageBuildResult> Images { get; private set; } = [];

    /// <summary>How long each part took, for the test log (and docs/testing.md).</summary>
    public IReadOnlyList<string> Timings => timings;

    /// <summary>examples/lab.yaml with the docker runtime.</summary>
    internal static string DockerRuntime(string config) => config.Replace("runtime: native", "runtime: docker", StringComparison.Ordinal);

    public async ValueTask InitializeAsync()
    {
        if (DockerRequirements.Missing().Count > 0)
        {
            return;
        }

        try
        {
            Before = await RootNamespaceSnapshot.TakeAsync();
            await DockerLeftovers.SweepAsync();
            this.lab = await GatewayLab.CreateAsync(DockerRuntime, StartDockerAsync, "gw", "w1", "w2");
            this.engine = this.lab.Docker!.Connect();
            timings.AddRange(this.lab.PrepareTimes.Select(t => $"prepare on {t.Key}: {t.Value.TotalSeconds:0.00} s"));
        }
        catch (Exception e)
        {
            // Reported by every test that asks for the lab, with the cause, instead of a bare fixture error.
            failure = e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        this.engine?.Dispose();
        if (this.lab is not null)
        {
            await this.lab.DisposeAsync();
        }
    }

    /// <summary>The gateway node's dockerd and the images its containers run (what a user has before prepare).</summary>
    private async Task<DockerDaemon> StartDockerAsync(PrepareLab lab)
    {
        var clock = Stopwatch.StartNew();
        var runner = new ProcessRunner();
        var daemon = await DockerDaemon.StartAsync(DockerDaemonLayout.Named(lab.Lab.Name), lab.Node(GatewayLab.Gateway).Start, runner);
        timings.Add($"dockerd answered in {daemon.StartupTime.TotalSeconds:0.00} s");
        try
        {
            using var engine = daemon.Connect();
            Images = await new DockerOfflineImageBuilder(runner).EnsureAllAsync(engine);
            foreach (var image in Images)
            {
                timings.Add($"{image.Image}: root file system {image.RootfsTime.TotalSeconds:0.0} s, import {image.ImportTime.TotalSeconds:0.0} s");
            }

            timings.Add($"dockerd and images: {clock.Elapsed.TotalSeconds:0.00} s");
            return daemon;
        }
        catch
        {
            await daemon.StopAsync();
            throw;
        }
    }

    private T Ready<T>(T? value)
        where T : class
    {
        DockerRequirements.Require();
        if (failure is not null)
        {
            throw new InvalidOperationException($"the docker lab could not be built: {failure.Message}\n{this.lab?.Docker?.Log}", failure);
        }

        return value ?? throw new InvalidOperationException("the docker lab was not built");
    }

    internal static ContainerSpec Nat64Spec => Nat64ContainerSpec.For(DockerTestConfig.Gateway, ImageRecipes.Image(ImageRecipes.Nat64).Reference);

    internal static ContainerSpec Dns64Spec => Dns64ContainerSpec.For(DockerTestConfig.Gateway, ImageRecipes.Image(ImageRecipes.Dns64).Reference);
}
