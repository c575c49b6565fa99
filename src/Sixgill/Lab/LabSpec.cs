namespace Sixgill.Lab;

/// <summary>One node of a lab: its name (also its hostname) and the interface it has on the switch.</summary>
/// <param name="IsGateway">The node that gets the uplink to the lab's internet (the config's dns64/nat64 node).</param>
internal sealed record LabNodeSpec(string Name, string Interface, bool IsGateway = false);

/// <summary>What a lab is made of; <see cref="LabLayout.Plan"/> turns it into names and paths.</summary>
/// <param name="WithInternet">Adds the IPv4-only internet namespace, wired to the gateway node, or to the switch when there is none.</param>
/// <param name="Router">
/// A lab without a gateway node (dual-stack, ipv4): the internet's address on the switch
/// (<c>10.192.255.254/16</c>, in the nodes' IPv4 management network), every node's default route
/// and its resolver at the internet's DNS server — each node's own IPv4 way out, as a machine's
/// owner would have set it up. Only needed while the lab is made (not kept in its state).
/// </param>
/// <param name="WithAccess">Adds the access network: an sshd in every node and the admin node that reaches them (<c>--all</c>).</param>
/// <param name="Machines">How the nodes boot when they are systemd nodes; null for namespace nodes.</param>
internal sealed record LabSpec(string Name, IReadOnlyList<LabNodeSpec> Nodes, bool WithInternet = false, string? Router = null, bool WithAccess = false, LabMachines? Machines = null)
{
    public LabNodeKind Kind => Machines is null ? LabNodeKind.Namespace : LabNodeKind.Systemd;
}
