using System.Collections.Immutable;
using Sixgill.Addressing;
using Sixgill.Steps;

namespace Sixgill.Planning;

/// <summary>
/// What <c>down</c> takes back (SPEC §5.5): every journal entry <c>up</c> left, newest first — the
/// admin kubeconfig, <c>kubeadm reset --force</c>, the CA copy, the pod routes, the CNI config and the
/// bridge its plugin made. Without a journal it follows the probes of <c>up</c>'s own steps, so this is
/// <see cref="UpPlan"/>'s list; the engine's <c>Undo(UpPlan.Command, Steps)</c> does the rest.
/// </summary>
internal sealed record DownPlan(ImmutableArray<Step> Steps)
{
    public const string Command = "down";

    /// <summary>The journal entries down takes back are those of this command.</summary>
    public const string Undoes = UpPlan.Command;

    public static DownPlan For(AddressPlan plan, string nodeName, UpFacts facts) => new(UpPlan.For(plan, nodeName, facts).Steps);
}
