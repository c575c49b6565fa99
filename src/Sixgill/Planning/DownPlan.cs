using Sixgill.Addressing;
using Sixgill.Facts;

namespace Sixgill.Planning;

/// <summary>
/// What <c>down</c> takes back (docs/steps.md): every journal entry <c>up</c> left, newest first — the
/// admin kubeconfig, <c>kubeadm reset --force</c>, the CA copy, the pod routes, the CNI config and the
/// bridge its plugin made. Without a journal it follows the probes of <c>up</c>'s own steps, so this is
/// <see cref="UpPlan"/>'s plan (command <c>up</c>): the engine's <c>Undo(plan.Command, plan.Steps)</c>
/// does the rest, as <c>clean</c> does with <c>prepare</c>'s.
/// </summary>
internal static class DownPlan
{
    public const string Command = "down";

    public static NodePlan For(AddressPlan plan, string nodeName, UpFacts facts) => UpPlan.For(plan, nodeName, facts);
}
