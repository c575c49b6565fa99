using System.CommandLine;
using Sixgill.Config;
using Sixgill.Fleet;

namespace Sixgill.Cli.Fleet;

/// <summary>
/// Gives a command <c>--all</c>/<c>--node</c>: with them it runs on the nodes over SSH
/// (<see cref="FleetCommand"/>), without them its own action runs on this machine.
/// </summary>
internal static class FleetGate
{
    /// <param name="waves">The order of the nodes for that line.</param>
    public static void SetActions(Command command, GlobalOptions options, Func<ParseResult, CancellationToken, Task<int>> local,
        Func<ParseResult, Cluster, FleetWaves>? waves = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fleet = new FleetOptions();
        fleet.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            if (fleet.Requested(result))
            {
                return new FleetCommand(result, options, fleet).RunAsync(command.Name, cluster => waves?.Invoke(result, cluster) ?? FleetOrder.For(command.Name, cluster), cancellationToken);
            }

            return fleet.Stray(result) is { } stray
                ? throw new SixgillException(ExitCodes.BadInput, $"{stray.Name} is for a run on the nodes over SSH, and neither --all nor --node is given; nothing was run",
                    $"add --all (every node) or --node NAME, or leave {stray.Name} out to run on this machine")
                : local(result, cancellationToken);
        });
    }

    public static void SetActions(Command command, GlobalOptions options, Func<ParseResult, int> local, Func<ParseResult, Cluster, FleetWaves>? waves = null) =>
        SetActions(command, options, (result, _) => Task.FromResult(local(result)), waves);
}
