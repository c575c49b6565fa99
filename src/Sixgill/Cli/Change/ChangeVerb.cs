using System.Collections.Immutable;
using Sixgill.Host.Processes;
using Sixgill.Machine;
using Sixgill.Planning;

namespace Sixgill.Cli.Change;

/// <summary>Whether a command makes its plan so, or takes back what its partner command made.</summary>
internal enum ChangeDirection
{
    /// <summary>prepare, up: apply what is not already so.</summary>
    Apply,

    /// <summary>clean, down: undo the partner's journal entries (or, with no journal, what the probes find).</summary>
    Undo,
}

/// <summary>
/// A command that changes a node, as <see cref="ChangeVerbRunner"/> runs it: its name, its direction,
/// and the planner of its steps. <c>clean</c> is <c>prepare</c>'s planner run backwards; <c>up</c> and
/// <c>down</c> are one more pair of these.
/// </summary>
/// <param name="Programs">Checked before anything is read or changed (exit 3 with the package to install).</param>
internal sealed record ChangeVerb(string Name, ChangeDirection Direction, Func<NodeTarget, NodePlan> Plan, ImmutableArray<RequiredProgram> Programs)
{
    public static readonly RequiredProgram IpRoute2 = new("ip", "iproute2", "/usr/bin/ip", "reads and changes the node's links, addresses and routes");

    /// <summary>Applying needs the management interface; undoing does not (it may be gone, and that is fine).</summary>
    public bool NeedsInterface => Direction == ChangeDirection.Apply;

    /// <summary>How long kubeadm may run in one of the verb's steps (<c>up</c>/<c>down --timeout</c>).</summary>
    public TimeSpan KubeadmTimeout { get; init; } = KubeadmRunner.DefaultTimeout;

    /// <summary>
    /// Commands whose journal entries this one drops, without undoing them, once it has undone its
    /// partner's: <c>clean</c> drops <c>init</c>'s, and with them the backups they kept (the config
    /// with the old token, the old CA key), so no secret outlives the cluster in the state directory.
    /// </summary>
    public ImmutableArray<string> Forgets { get; init; } = [];
}

/// <summary>Every command that changes a node; <c>plan [command]</c> accepts these names.</summary>
internal static class ChangeVerbs
{
    public static ChangeVerb Prepare { get; } = new("prepare", ChangeDirection.Apply, PlanPrepare, [ChangeVerb.IpRoute2]);

    public static ChangeVerb Clean { get; } = new("clean", ChangeDirection.Undo, PlanClean, [ChangeVerb.IpRoute2]) { Forgets = [InitPlan.Command] };

    public static ChangeVerb Up { get; } = new(UpPlan.Command, ChangeDirection.Apply, PlanUp, [ChangeVerb.IpRoute2]);

    public static ChangeVerb Down { get; } = new(DownPlan.Command, ChangeDirection.Undo, PlanDown, [ChangeVerb.IpRoute2]);

    public static IReadOnlyList<ChangeVerb> All { get; } = [Prepare, Clean, Up, Down];

    public static ChangeVerb? Find(string name) => All.FirstOrDefault(verb => verb.Name == name);

    private static NodePlan PlanPrepare(NodeTarget target) => PreparePlan.For(target.Addresses, target.NodeName, target.Facts, target.Reapply);

    // Prepare's steps backwards; without prepare's word that its changes will not survive a reboot.
    private static NodePlan PlanClean(NodeTarget target)
    {
        var plan = PlanPrepare(target);
        return plan with { Warnings = [.. plan.Warnings.Where(w => !w.EndsWith(PreparePlan.RebootWarning, StringComparison.Ordinal))] };
    }

    private static NodePlan PlanUp(NodeTarget target) => UpPlan.For(target.Addresses, target.NodeName, target.Facts.Up);

    private static NodePlan PlanDown(NodeTarget target) => DownPlan.For(target.Addresses, target.NodeName, target.Facts.Up);
}
