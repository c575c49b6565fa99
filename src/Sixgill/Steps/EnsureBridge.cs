using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// A bridge without ports that holds one address (<c>sixgill0</c> with <c>dns64.ip</c>, docs/gateway.md):
/// a link that is always up and never leaves the node, for a service address. The address skips
/// duplicate address detection (<c>nodad</c>): there are no neighbours to collide with, and named
/// cannot bind an address that is still tentative.
/// </summary>
/// <remarks>A bridge rather than a <c>dummy</c> link: some kernels have no dummy driver.</remarks>
internal sealed record EnsureBridge(string Name, InterfaceAddress Address) : Step
{
    public override string Id => $"bridge:{Name}";

    public override string Description => $"bridge {Name} with {Address}";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Network.FindLink(Name) is not { } link)
        {
            return ProbeResult.Absent();
        }

        var assigned = context.Network.Addresses(Name).Contains(Address);
        return (assigned, link.IsUp) switch
        {
            (true, true) => ProbeResult.Present,
            (true, false) => ProbeResult.Different($"{Name} is down"),
            _ => ProbeResult.Different($"{Name} has no {Address}"),
        };
    }

    public override Undo PrepareUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Network.FindLink(Name) is not { } link)
        {
            return new RemoveLink(Name, Created: true, null, LinkWasDown: false);
        }

        var assigned = context.Network.Addresses(Name).Contains(Address);
        return new RemoveLink(Name, Created: false, assigned ? null : Address, LinkWasDown: !link.IsUp);
    }

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remove = Expect<RemoveLink>(undo);
        var network = context.Network;
        if (remove.Created)
        {
            network.AddBridge(Name);
        }

        network.SetLinkUp(Name, true);
        if (remove.Created || remove.AddedAddress is not null)
        {
            network.AddAddress(Name, Address, withoutDad: true);
        }
    }

    // Without a journal: the name is Sixgill's, so the link is.
    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Network.FindLink(Name) is null ? null : new RemoveLink(Name, Created: true, null, LinkWasDown: false);
    }
}
