using System.CommandLine;
using System.Diagnostics;
using Sixgill.Cli.Change;
using Sixgill.Engine;
using Sixgill.Host.Files;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill reapply</c>: what the boot unit <c>prepare</c> enabled runs at every boot. It waits
/// (bounded) for the node's management NIC to exist, then takes the node through <c>prepare</c>'s
/// steps again, and <c>up</c>'s when the journal says up ran here: the same idempotent steps, so
/// what survived the reboot is left as it is and only what was lost is made again (and journaled).
/// </summary>
internal static class ReapplyCommand
{
    /// <summary>How long a NIC that a driver or the network manager brings late may take to appear.</summary>
    private static readonly TimeSpan InterfaceWait = TimeSpan.FromSeconds(60);

    public static Command Create(GlobalOptions options, CommandEnvironment environment)
    {
        var command = new Command("reapply", "re-apply this node's recorded state: prepare, and up when it ran (what the boot unit runs at every boot)");
        command.SetAction(result =>
        {
            var invocation = Invocation.From(result, options);
            var cluster = ValidatedCluster.Load(invocation, requireHost: true);
            if (cluster.Nodes.FirstOrDefault(n => n.Name == invocation.NodeName) is { } node)
            {
                WaitForInterface(invocation, node.Interface);
            }

            var prepared = new ChangeVerbRunner(invocation, environment).Run(ChangeVerbs.Prepare);
            if (prepared != ExitCodes.Done || !UpRan(invocation.StateDir))
            {
                return prepared;
            }

            return new ChangeVerbRunner(invocation, environment).Run(ChangeVerbs.Up);
        });
        return command;
    }

    private static void WaitForInterface(Invocation invocation, string name)
    {
        var clock = Stopwatch.StartNew();
        while (!Directory.Exists($"/sys/class/net/{name}") && clock.Elapsed < InterfaceWait)
        {
            Thread.Sleep(100);
        }

        if (clock.Elapsed > TimeSpan.FromSeconds(1))
        {
            invocation.Error.WriteLine($"sixgill: waited {clock.Elapsed.TotalSeconds:0.0} s for interface {name}");
        }
    }

    private static bool UpRan(string stateDirectory) =>
        OperatingSystem.IsLinux()
        && new JournalFile(new LinuxFiles(), new StatePaths(stateDirectory).Journal).Load() is { } journal
        && journal.Entries.Any(e => e.Command == ChangeVerbs.Up.Name);
}
