using Sixgill.Config;

namespace Sixgill.Fleet;

/// <summary>
/// The order in which a command reaches the nodes (docs/commands.md), as waves: every node of a wave runs
/// at once, a wave starts when the one before has ended. Pure.
/// </summary>
internal static class FleetOrder
{
    /// <summary><c>prepare</c>: the gateway node first (the others route through it), then all others.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Prepare(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return FirstThenRest(cluster, n => n.IsGateway);
    }

    /// <summary><c>clean</c>: the reverse of <see cref="Prepare"/>, so the gateway goes last.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Clean(Cluster cluster) => [.. Prepare(cluster).Reverse()];

    /// <summary><c>up</c>: the master first, then the minions (nodes that are neither have nothing to do).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Up(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return FirstThenRest(cluster, n => n.IsMaster, n => n.IsMinion);
    }

    /// <summary><c>down</c>: the reverse of <see cref="Up"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Down(Cluster cluster) => [.. Up(cluster).Reverse()];

    private static List<IReadOnlyList<string>> FirstThenRest(Cluster cluster, Func<NodeSpec, bool> first, Func<NodeSpec, bool>? rest = null)
    {
        var waves = new List<IReadOnlyList<string>>();
        string[] head = [.. cluster.Nodes.Where(first).Select(n => n.Name)];
        string[] tail = [.. cluster.Nodes.Where(n => !first(n) && (rest?.Invoke(n) ?? true)).Select(n => n.Name)];
        foreach (var wave in new[] { head, tail })
        {
            if (wave.Length > 0)
            {
                waves.Add(wave);
            }
        }

        return waves;
    }
}
