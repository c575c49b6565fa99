using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// A fresh lab for one prepare/clean test, with a copy of an example config where the nodes can
/// read it (<c>/tmp</c> is shared; the lab's work dir is not), and ways to run <c>sixgill</c> in a
/// node with that config (absolute path: nsenter starts in <c>/</c>). Removes the lab and the copy.
/// </summary>
internal sealed class PrepareLab : IAsyncDisposable
{
    /// <summary>rwxr-xr-x: tests run sixgill in a node as nobody on the config copy.</summary>
    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly TempDirectory directory;

    private PrepareLab(VirtualLab lab, TempDirectory directory, string configPath)
    {
        Lab = lab;
        this.directory = directory;
        ConfigPath = configPath;
    }

    public VirtualLab Lab { get; }

    /// <summary>This test's directory under /tmp: the config copy and anything else nodes must see.</summary>
    public string Directory => this.directory.Path;

    public string ConfigPath { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A lab shaped like <c>examples/lab.yaml</c> (gw, w1, w2, the internet) with that file.</summary>
    public static Task<PrepareLab> ThreeNodesAsync(Func<string, string>? editConfig = null) =>
        CreateAsync("lab.yaml", name => TestLabs.ThreeNodes(name), editConfig);

    /// <summary>A lab of <paramref name="spec"/>'s nodes with a copy of <c>examples/&lt;example&gt;</c>, edited by <paramref name="editConfig"/>.</summary>
    public static async Task<PrepareLab> CreateAsync(string example, Func<string, LabSpec> spec, Func<string, string>? editConfig = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        LabRequirements.Require();
        var directory = new TempDirectory("sixgill-it-", Readable);
        var configPath = directory.Combine(example);
        try
        {
            var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "examples", example), Cancel);
            await File.WriteAllTextAsync(configPath, editConfig is null ? text : editConfig(text), Cancel);
            return new PrepareLab(await TestLabs.CreateAsync(spec(TestLabs.NextName())), directory, configPath);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public LabNode Node(string name) => Lab.Node(name);

    /// <summary>
    /// Gives the gateway node its management address by hand, as its own prepare would (its
    /// DNS64/NAT64 services are another issue's): the minions' routes lead via it.
    /// </summary>
    public async Task AddGatewayAddressAsync(string address = "fd00:20::2/64") =>
        (await Node("gw").RunAsync(["ip", "address", "replace", address, "dev", "eth1"], Cancel)).EnsureSuccess();

    /// <summary><c>sixgill ARGS -c CONFIG</c> in the node; a non-zero exit is returned, not thrown.</summary>
    public Task<ProcessResult> SixgillAsync(LabNode node, params string[] arguments) => SixgillAsync(node, null, arguments);

    /// <summary>The same with extra environment variables (the test hooks).</summary>
    public Task<ProcessResult> SixgillAsync(LabNode node, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.RunAsync(new ProcessRequest([SixgillInNode.Executable, .. arguments, "-c", ConfigPath]) { Environment = environment }, Cancel);
    }

    /// <summary>Runs a shell script in the node (test set-up only; Sixgill itself never uses a shell) and returns its stdout.</summary>
    public static async Task<string> ShAsync(LabNode node, string script)
    {
        ArgumentNullException.ThrowIfNull(node);
        return (await node.RunAsync(["sh", "-euc", script], Cancel)).EnsureSuccess().StandardOutput;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Lab.DisposeAsync();
        }
        catch
        {
            // Whatever stopped the lab's own removal half-way, its namespaces and mounts still go.
            (await new LabSweeper(new ProcessRunner()).SweepAsync(Lab.Name, CancellationToken.None)).EnsureClean();
            throw;
        }
        finally
        {
            this.directory.Dispose();
        }
    }
}
