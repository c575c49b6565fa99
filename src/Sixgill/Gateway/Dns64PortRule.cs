using System.Net;
using Sixgill.Machine;

namespace Sixgill.Gateway;

/// <summary>
/// Who else may answer on the DNS64 address's port 53. BIND binds every address with SO_REUSEPORT,
/// so a second <c>named</c> on the same address does not fail to start: the kernel splits the
/// queries between the two, and only part of the answers are synthesized. Sixgill therefore finds,
/// before any change, every other server that holds the port there or will take it — on that address,
/// on a wildcard, or a DNS server that binds each new address as it appears (BIND, dnsmasq, unbound
/// do by default) — and every such service enabled to start at boot. It never changes another
/// service itself: it names it and the fix. Pure.
/// </summary>
internal static class Dns64PortRule
{
    public const int Port = 53;

    /// <summary>Servers that bind every address that appears on the node unless told otherwise.</summary>
    public static readonly IReadOnlyList<string> AddressFollowingServers = ["named", "dnsmasq", "unbound"];

    /// <summary>The distribution's DNS server units (<c>bind9.service</c> is Debian's alias of <c>named.service</c>).</summary>
    public static readonly IReadOnlyList<string> ServerUnits = ["named.service", "bind9.service", "dnsmasq.service", "unbound.service"];

    /// <summary>The listeners that are not Sixgill's own named (run with <paramref name="ownConfig"/>) and hold or will take the port on <paramref name="dns64"/>.</summary>
    public static IReadOnlyList<PortListener> Foreign(IEnumerable<PortListener> listeners, IPAddress dns64, string ownConfig)
    {
        ArgumentNullException.ThrowIfNull(listeners);
        return [.. listeners.Where(l => l.Process?.Is(GatewayPrograms.Named.Name, ownConfig) != true
            && (l.Address.Equals(dns64) || l.IsWildcard || (l.Process is { } p && AddressFollowingServers.Contains(p.Name))))];
    }

    /// <summary>The listeners on <paramref name="dns64"/> (or a wildcard) that are not process <paramref name="ownPid"/>: after Sixgill's named started, there must be none.</summary>
    public static IReadOnlyList<PortListener> Others(IEnumerable<PortListener> listeners, IPAddress dns64, int ownPid)
    {
        ArgumentNullException.ThrowIfNull(listeners);
        return [.. listeners.Where(l => (l.Address.Equals(dns64) || l.IsWildcard) && l.Process?.Pid != ownPid)];
    }

    /// <summary>
    /// The refusal: each foreign server (by unit where it runs in one, else by process) with what it
    /// holds, each enabled server unit that is not running, and the fix.
    /// </summary>
    public static string Refusal(IPAddress dns64, IReadOnlyList<PortListener> foreign, IReadOnlyList<string> enabledUnits)
    {
        ArgumentNullException.ThrowIfNull(foreign);
        ArgumentNullException.ThrowIfNull(enabledUnits);
        var holders = foreign.GroupBy(Holder).Select(g => $"{g.Key} holds {string.Join(", ", g.Select(l => l.ToString()).Distinct())}");
        var boot = enabledUnits.Select(u => $"{u} is enabled and takes every address at its next start");
        var units = foreign.Select(l => l.Unit).OfType<string>().Concat(enabledUnits).Distinct().ToList();
        var pids = foreign.Where(l => l.Unit is null && l.Process is not null).Select(l => l.Process!.Pid).Distinct().ToList();
        var fixes = new List<string>();
        fixes.AddRange(units.Select(u => $"'systemctl disable --now {u}'"));
        fixes.AddRange(pids.Select(p => $"stop process {p}"));
        return $"another DNS server holds or will take port {Port} on the DNS64 address {dns64}: {string.Join("; ", holders.Concat(boot))}. "
            + $"Both would answer there and the kernel would split the queries between them, so only part of the answers would be synthesized; nothing was changed. "
            + $"Fix: {string.Join(", ", fixes)} — or keep it off that address (named: listen-on-v6 {{ !{dns64}; any; }}; dnsmasq: except-interface=sixgill0 with bind-interfaces; unbound: interface: lines without it)";
    }

    private static string Holder(PortListener listener) =>
        listener.Unit is { } unit ? $"{unit} ({listener.Process?.Name}, pid {listener.Process?.Pid})"
        : listener.Process is { } process ? $"process {process.Pid} ({process.Name})"
        : "a process of another namespace or user";
}
