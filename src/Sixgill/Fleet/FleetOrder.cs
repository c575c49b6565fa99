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

    /// <summary>
    /// The waves of <paramref name="command"/> run with <c>--all</c>: prepare and up wait for their
    /// first wave (gateway, master); clean and down go on whatever failed; init and kubeconfig run on the master;
    /// verify and anything else on every node at once.
    /// </summary>
    public static FleetWaves For(string command, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return command switch
        {
            "prepare" => new(Prepare(cluster), LaterNeedEarlier: true),
            "clean" => new(Clean(cluster), LaterNeedEarlier: false),
            "up" => new(Up(cluster), LaterNeedEarlier: true),
            "down" => new(Down(cluster), LaterNeedEarlier: false),
            "init" or "kubeconfig" => new([[cluster.Master.Name]], LaterNeedEarlier: false),
            _ => new([[.. cluster.Nodes.Select(n => n.Name)]], LaterNeedEarlier: false),
        };
    }

    /// <summary><c>plan COMMAND --all</c>: the nodes COMMAND reaches, all at once (a plan changes nothing, so no order is needed).</summary>
    public static FleetWaves Plan(string command, Cluster cluster) => new([[.. For(command, cluster).Nodes]], LaterNeedEarlier: false);

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
