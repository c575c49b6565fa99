using System.Collections.Immutable;
using Sixgill.Steps;

namespace Sixgill.Planning;

/// <summary>
/// The steps a command takes on one node, in order, with what stops it and what the user should
/// know. <c>plan</c>, the command itself and its undo (clean, down) all work from this one list.
/// </summary>
/// <param name="Command">The command the steps belong to (<c>prepare</c>, <c>up</c>); journal entries carry it.</param>
/// <param name="Problems">What stops a step from being planned (no bootstrap token for the kubeadm file):
/// the command refuses to run while there are any; plan shows them.</param>
/// <param name="Warnings">What runs differently from a full run and why (a unit not restarted where systemd is absent).</param>
internal sealed record NodePlan(string Command, ImmutableArray<Step> Steps, ImmutableArray<string> Problems, ImmutableArray<string> Warnings);
