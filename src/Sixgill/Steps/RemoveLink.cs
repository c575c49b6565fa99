using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// Takes back a link Sixgill made (deleting it takes its addresses and routes along), or, on a link
/// that was there before, the address Sixgill added and the "up" it set.
/// </summary>
/// <remarks>
/// Links Sixgill made that are taken back one after the other (the gateway's bridge and NAT64 tunnel)
/// go in one request (<see cref="RevertTogether"/>): deleting a link waits for the kernel's readers to
/// let go of it, and one request for several waits once.
/// </remarks>
/// <param name="Created">Sixgill made the link: undo deletes it.</param>
/// <param name="AddedAddress">On a link that was there: the address Sixgill added to it.</param>
internal sealed record RemoveLink(string Name, bool Created, InterfaceAddress? AddedAddress, bool LinkWasDown) : Undo
{
    public override string Describe() =>
        Created ? $"delete link {Name}"
        : string.Join(", ", new[]
        {
            AddedAddress is { } a ? $"remove {a} from {Name}" : null,
            LinkWasDown ? $"set {Name} down" : null,
        }.OfType<string>().DefaultIfEmpty($"nothing on {Name}"));

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var network = context.Network;
        if (network.FindLink(Name) is not { } link)
        {
            return UndoOutcome.NothingToDo($"{Name} is gone");
        }

        if (Created)
        {
            network.DeleteLink(Name);
            return UndoOutcome.Reverted($"deleted {Name}");
        }

        var done = new List<string>();
        if (AddedAddress is { } address && network.Addresses(Name).Contains(address))
        {
            network.DeleteAddress(Name, address);
            done.Add($"removed {address}");
        }

        if (LinkWasDown && link.IsUp)
        {
            network.SetLinkUp(Name, false);
            done.Add($"set {Name} down");
        }

        return done.Count > 0 ? UndoOutcome.Reverted(string.Join(", ", done)) : UndoOutcome.NothingToDo();
    }

    public override bool GoesWith(Undo next) => Created && next is RemoveLink { Created: true };

    public override IReadOnlyList<UndoOutcome> RevertTogether(StepContext context, IReadOnlyList<Undo> others)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(others);
        var all = new List<RemoveLink>(others.Count + 1) { this };
        foreach (var other in others)
        {
            all.Add(other as RemoveLink ?? throw new ArgumentException($"'{other.Describe()}' does not go with '{Describe()}'", nameof(others)));
        }

        var network = context.Network;
        var present = new List<string>(all.Count);
        foreach (var link in all)
        {
            if (network.FindLink(link.Name) is not null)
            {
                present.Add(link.Name);
            }
        }

        if (present.Count > 0)
        {
            network.DeleteLinks(present);
        }

        var outcomes = new List<UndoOutcome>(all.Count);
        foreach (var link in all)
        {
            outcomes.Add(present.Contains(link.Name) ? UndoOutcome.Reverted($"deleted {link.Name}") : UndoOutcome.NothingToDo($"{link.Name} is gone"));
        }

        return outcomes;
    }
}
