using System.Globalization;
using System.Text.Json;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// One lab made by <c>sixgill lab up</c> (examples/lab.yaml: gw, w1, w2, the internet, and the
/// access network with an sshd in every node and the admin node), shared by the <c>--all</c> tests
/// of a class. Each test types its commands in the admin node with a HOME of its own (a copy of the
/// lab's key and known_hosts, changed as the test needs), never the machine's ~/.ssh.
/// </summary>
public sealed class FleetLabFixture : IAsyncLifetime
{
    private static int homes;
    private LabCli? cli;
    private RunningLab? lab;

    internal LabCli Cli => Ready().cli!;

    internal VirtualLab Lab => Ready().lab!.Lab;

    internal LabNames Names => Cli.Names;

    public async ValueTask InitializeAsync()
    {
        if (GatewayRequirements.Missing().Count > 0)
        {
            return;
        }

        cli = await LabCli.NewAsync();
        var up = await this.cli.RunAsync("up");
        if (up.ExitCode != 0)
        {
            await this.cli.DownQuietlyAsync();
            throw new InvalidOperationException($"lab up failed: {up.StandardError}");
        }

        lab = await RunningLab.AttachAsync(this.cli.Name, new ProcessRunner(), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (this.cli is not null)
        {
            var down = await this.cli.RunAsync("down");
            if (down.ExitCode != 0)
            {
                await this.cli.DownQuietlyAsync();
            }
        }
    }

    /// <summary>A HOME for one test in the admin node: the lab's admin key and known_hosts, copied.</summary>
    internal string NewHome()
    {
        var home = $"{Names.SharedDirectory}/home{Interlocked.Increment(ref homes).ToString(CultureInfo.InvariantCulture)}";
        Directory.CreateDirectory($"{home}/.ssh");
        foreach (var file in new[] { "id_ed25519", "id_ed25519.pub", "known_hosts" })
        {
            File.Copy($"{Names.AdminHome}/.ssh/{file}", $"{home}/.ssh/{file}");
        }

        return home;
    }

    /// <summary>A copy of the lab's config with <paramref name="edit"/> applied, where the admin node reads it.</summary>
    internal string ConfigWith(string name, Func<string, string> edit)
    {
        var path = $"{Names.SharedDirectory}/{name}.yaml";
        File.WriteAllText(path, edit(File.ReadAllText(Names.NodeConfig)));
        return path;
    }

    /// <summary>Adds <paramref name="line"/> (indented as a node's key) under <c>topology.&lt;node&gt;</c>.</summary>
    internal static string UnderNode(string config, string node, string line) =>
        config.Replace($"  {node}:\n", $"  {node}:\n    {line}\n", StringComparison.Ordinal);

    /// <summary><c>sixgill ARGS…</c> in the admin node with HOME=<paramref name="home"/>; a non-zero exit is returned.</summary>
    internal Task<ProcessResult> AdminAsync(string home, params string[] arguments) =>
        Lab.Admin!.RunAsync(new ProcessRequest(Command(home, arguments)) { Timeout = TimeSpan.FromMinutes(5) }, TestContext.Current.CancellationToken);

    internal static IReadOnlyList<string> Command(string home, IReadOnlyList<string> arguments) => ["env", $"HOME={home}", SixgillInNode.Executable, .. arguments];

    /// <summary>The fleet's JSON document, with the text it came from when it does not parse.</summary>
    internal static JsonElement Json(ProcessResult result)
    {
        try
        {
            using var document = JsonDocument.Parse(result.StandardOutput);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ShouldAssertException($"not JSON (exit {result.ExitCode}): {result.StandardOutput}\nstderr: {result.StandardError}");
        }
    }

    internal static Dictionary<string, JsonElement> NodesOf(JsonElement fleet) =>
        fleet.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("node").GetString()!);

    internal static string Result(JsonElement node) => node.GetProperty("result").GetString()!;

    private FleetLabFixture Ready()
    {
        GatewayRequirements.Require();
        return this.lab is null ? throw new InvalidOperationException("the fleet lab was not built") : this;
    }
}
