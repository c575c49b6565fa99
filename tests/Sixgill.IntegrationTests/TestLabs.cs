using System.Globalization;
using System.Text.RegularExpressions;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// Lab names for this test run (<c>t&lt;pid&gt;n&lt;counter&gt;</c>, unique on the machine while the
/// run lives) and the one-time sweep of leftovers before the first lab is made.
/// </summary>
internal static partial class TestLabs
{
    private static readonly string RunPrefix = "t" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "n";
    private static readonly Lazy<Task> LeftoverSweep = new(SweepLeftoversAsync);
    private static int counter;

    public static string NextName() => RunPrefix + Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture);

    /// <summary>The shape of <c>examples/lab.yaml</c>: a gateway and two minions on <c>eth1</c>, and the internet.</summary>
    public static LabSpec ThreeNodes(string name, bool withInternet = true) =>
        new(name, [new("gw", "eth1", IsGateway: true), new("w1", "eth1"), new("w2", "eth1")], withInternet);

    /// <summary>Removes (once per run) what crashed earlier test runs left; before a test makes a lab by other means (<c>sixgill lab up</c>).</summary>
    public static Task SweepLeftoversOnceAsync() => LeftoverSweep.Value;

    public static async Task<VirtualLab> CreateAsync(LabSpec spec, IProcessRunner? runner = null)
    {
        await LeftoverSweep.Value;
        return await VirtualLab.CreateAsync(spec, runner, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// A test lab is a leftover when it has this run's prefix (a crashed run with the same pid:
    /// nothing of this run exists yet) or when the run that made it is gone. Labs of test runs
    /// still alive — another developer's, on the same machine — are never touched.
    /// </summary>
    internal static bool IsLeftover(string lab)
    {
        var match = TestLabName().Match(lab);
        if (!match.Success)
        {
            return false;
        }

        var pid = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return pid == Environment.ProcessId || !Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
    }

    private static async Task SweepLeftoversAsync()
    {
        var sweeper = new LabSweeper(new ProcessRunner());
        foreach (var lab in LabSweeper.Labs().Where(IsLeftover))
        {
            (await sweeper.SweepAsync(lab)).EnsureClean();
        }
    }

    [GeneratedRegex("^t([0-9]+)n[0-9]+$")]
    private static partial Regex TestLabName();
}
