using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>An address on an interface, the interface up, and the address past DAD (docs/steps.md).</summary>
internal sealed record EnsureAddress(string Interface, InterfaceAddress Address) : Step
{
    /// <summary>How long to wait for duplicate address detection (about 2 s on a quiet link).</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    public override string Id => $"address:{Interface}:{Address}";

    public override string Description => $"address {Address} on {Interface}";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = RequireLink(context);
        var addresses = context.Network.Addresses(Interface);
        if (addresses.Contains(Address))
        {
            return link.IsUp ? ProbeResult.Present : ProbeResult.Different($"{Interface} is down");
        }

        return SameAddressOtherLength(addresses) is { } other
            ? ProbeResult.Different($"assigned as {other}")
            : ProbeResult.Absent(link.IsUp ? null : $"{Interface} is down");
    }

    public override Undo PrepareUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = RequireLink(context);
        var addresses = context.Network.Addresses(Interface);
        return new RevertAddress(Interface, Address, AddressWasThere: addresses.Contains(Address), SameAddressOtherLength(addresses), LinkWasDown: !link.IsUp);
    }

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        var revert = Expect<RevertAddress>(undo);
        if (revert.LinkWasDown)
        {
            context.Network.SetLinkUp(Interface, true);
        }

        if (revert.Replaced is { } replaced)
        {
            context.Network.DeleteAddress(Interface, replaced);
        }

        context.Network.AddAddress(Interface, Address);
        context.Network.WaitUntilUsable(Interface, Address, ReadyTimeout);
    }

    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Network.FindLink(Interface) is not null && context.Network.Addresses(Interface).Contains(Address)
            ? new RevertAddress(Interface, Address, AddressWasThere: false, null, LinkWasDown: false)
            : null;
    }

    private LinkState RequireLink(StepContext context) =>
        context.Network.FindLink(Interface)
        ?? throw new PreconditionFailedException($"interface {Interface} does not exist on this node (check topology.<node>.interface)");

    private InterfaceAddress? SameAddressOtherLength(IReadOnlyList<InterfaceAddress> addresses) =>
        addresses.Where(a => a.Address == Address.Address && a.Length != Address.Length).Select(a => (InterfaceAddress?)a).FirstOrDefault();
}

/// <summary>Removes the address Sixgill added; puts back the one it replaced; takes the link down if Sixgill brought it up.</summary>
/// <param name="AddressWasThere">The address was already assigned (only the link was down): undo leaves it.</param>
internal sealed record RevertAddress(string Interface, InterfaceAddress Address, bool AddressWasThere, InterfaceAddress? Replaced, bool LinkWasDown) : Undo
{
    public override string Describe() =>
        string.Join(", ", new[]
        {
            AddressWasThere ? null : $"remove address {Address} from {Interface}",
            Replaced is { } r ? $"restore {r}" : null,
            LinkWasDown ? $"set {Interface} down" : null,
        }.OfType<string>());

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var network = context.Network;
        if (network.FindLink(Interface) is not { } link)
        {
            return UndoOutcome.NothingToDo($"{Interface} is gone");
        }

        var done = new List<string>();
        var addresses = network.Addresses(Interface);
        if (!AddressWasThere && addresses.Contains(Address))
        {
            network.DeleteAddress(Interface, Address);
            done.Add($"removed {Address}");
        }

        if (Replaced is { } replaced && !addresses.Contains(replaced))
        {
            network.AddAddress(Interface, replaced);
            done.Add($"restored {replaced}");
        }

        if (LinkWasDown && link.IsUp)
        {
            network.SetLinkUp(Interface, false);
            done.Add($"set {Interface} down");
        }

        return done.Count > 0 ? UndoOutcome.Reverted(string.Join(", ", done)) : UndoOutcome.NothingToDo();
    }
}
