using System.Text.Json;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// Runs <c>sixgill lab …</c> as a user would, as its own process on the machine (not in a node):
/// the lab's daemons must outlive it, and <c>lab demo</c> runs this same apphost inside the nodes.
/// Every call names the test's lab (<c>--name</c>): tests never touch the default <c>demo</c> lab.
/// </summary>
internal sealed class LabCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private LabCli(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public LabNames Names => new(Name);

    /// <summary>A fresh lab name of this test run, after the one-time sweep of crashed runs' labs.</summary>
    public static async Task<LabCli> NewAsync()
    {
        await TestLabs.SweepLeftoversOnceAsync();
        return new LabCli(TestLabs.NextName());
    }

    /// <summary><c>sixgill lab VERB --name NAME more…</c>; a non-zero exit is returned, not thrown.</summary>
    public Task<ProcessResult> RunAsync(string verb, params string[] more) => RunAsync(null, verb, more);

    public Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?>? environment, string verb, params string[] more) =>
        new ProcessRunner().RunAsync(
            new ProcessRequest([SixgillInNode.Executable, "lab", verb, "--name", Name, .. more]) { Environment = environment, Timeout = Timeout },
            TestContext.Current.CancellationToken);

    public async Task<JsonDocument> StatusAsync()
    {
        var status = await RunAsync("status", "--output", "json");
        return JsonDocument.Parse(status.StandardOutput);
    }

    /// <summary>Every process in one of the lab's namespaces now (to check later that none is left).</summary>
    public async Task<IReadOnlyList<int>> ProcessesAsync()
    {
        var runner = new ProcessRunner();
        var pids = new List<int>();
        foreach (var ns in LabSweeper.Namespaces().Where(Names.Owns))
        {
            var result = await runner.RunAsync(["ip", "netns", "pids", ns], TestContext.Current.CancellationToken);
            pids.AddRange(LabTeardown.ProcessesToEnd(result.StandardOutput, Environment.ProcessId));
        }

        return pids;
    }

    /// <summary>Nothing of the lab is left: no namespace, mount, directory (work or shared), and none of <paramref name="pids"/> runs.</summary>
    public async Task ShouldBeGoneAsync(IEnumerable<int> pids)
    {
        (await LabLeftovers.FindAsync(Name)).ShouldBeEmpty();
        Directory.Exists(Names.SharedDirectory).ShouldBeFalse(Names.SharedDirectory);
        pids.Where(LabLeftovers.IsRunning).ShouldBeEmpty("processes of the lab still running");
    }

    /// <summary>Removes the lab whatever a failed test left (the test's finally).</summary>
    public async Task DownQuietlyAsync()
    {
        try
        {
            await new LabSweeper(new ProcessRunner()).SweepAsync(Name, CancellationToken.None);
        }
        catch (Exception e) when (e is LabException or IOException)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"sweeping {Name}: {e.Message}");
        }
    }
}
