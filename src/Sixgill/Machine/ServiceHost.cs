namespace Sixgill.Machine;

/// <summary>
/// What the gateway's service steps need of a node beyond links, files and sysctls: its programs,
/// its processes, its nftables ruleset, and a DNS client's socket (to see the DNS64 server answer).
/// </summary>
internal sealed record ServiceHost(IPrograms Programs, IProcessTable Processes, INftables Nftables, IDnsTransport Dns)
{
    /// <summary>Who holds a port on this node (the DNS64 port check); none unless told.</summary>
    public IPortListeners Ports { get; init; } = NoPortListeners.Instance;
}
