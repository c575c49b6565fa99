using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// A change to a lab namespace's network that the lab makes over rtnetlink from inside this process
/// (<see cref="LabNetlink"/>) instead of with an <c>ip</c> process; the <see cref="LabSetupCommand"/>
/// that carries it keeps the equivalent command, for the reader and the error. Every change names
/// the lab namespace it is made in (<see cref="Namespace"/>): its request goes over a socket opened
/// in that namespace, never the machine's.
/// </summary>
internal abstract record LabNetworkChange(string Namespace)
{
    /// <summary>Every namespace the change reaches: its own, and a veth's peer's.</summary>
    public virtual IEnumerable<string> Namespaces => [Namespace];
}

/// <summary><c>ip netns add NS</c>: a new network namespace pinned to <c>/run/netns/NS</c>.</summary>
internal sealed record NewNamespace(string Namespace) : LabNetworkChange(Namespace);

/// <summary><c>nsenter --net=… sysctl -w KEY=VALUE…</c>: <c>net.*</c> keys written inside the namespace.</summary>
internal sealed record NamespaceSysctls(string Namespace, IReadOnlyList<(string Key, string Value)> Values) : LabNetworkChange(Namespace);

/// <summary><c>ip -n NS link set LINK [master BRIDGE] up</c>.</summary>
internal sealed record LinkUp(string Namespace, string Link, string? Master = null) : LabNetworkChange(Namespace);

/// <summary><c>ip -n NS link add NAME type bridge</c>.</summary>
internal sealed record NewBridge(string Namespace, string Name) : LabNetworkChange(Namespace);

/// <summary><c>ip link add NAME [address MAC] netns NS type veth peer name PEER netns PEERNS</c>: both ends made where they belong.</summary>
internal sealed record NewVeth(string Namespace, string Name, string? Mac, string PeerNamespace, string PeerName) : LabNetworkChange(Namespace)
{
    public override IEnumerable<string> Namespaces => [Namespace, PeerNamespace];
}

/// <summary><c>ip -n NS address add ADDRESS dev LINK [nodad]</c>.</summary>
internal sealed record NewAddress(string Namespace, string Link, InterfaceAddress Address, bool NoDad = false) : LabNetworkChange(Namespace);

/// <summary><c>ip -n NS route add ROUTE [onlink]</c>.</summary>
internal sealed record NewRoute(string Namespace, KernelRoute Route, bool OnLink = false) : LabNetworkChange(Namespace);
