using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// Takes back a link Sixgill made (deleting it takes its addresses and routes along), or, on a link
/// that was there before, the address Sixgill added and the "up" it set.
/// </summary>
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
}
