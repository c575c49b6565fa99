namespace Sixgill.Gateway;

/// <summary>
/// The preflight of the native runtime (SPEC §6.1): which programs the gateway node needs, and for
/// those missing, the Debian packages and the one <c>apt-get install</c> line that brings them.
/// Sixgill never installs anything itself: it says what to run and stops.
/// </summary>
/// <remarks>Pure: whether a program is there is asked of the caller (<see cref="Host.Processes.ProgramSearch"/> on a machine).</remarks>
internal static class GatewayPrograms
{
    public static readonly GatewayProgram Named = new("named", "bind9", "/usr/sbin/named", "the DNS64 server");

    public static readonly GatewayProgram NamedCheckconf = new("named-checkconf", "bind9-utils", "/usr/bin/named-checkconf", "checks the DNS64 server's config");

    public static readonly GatewayProgram Tayga = new("tayga", "tayga", "/usr/sbin/tayga", "the NAT64");

    public static readonly GatewayProgram Nft = new("nft", "nftables", "/usr/sbin/nft", "the NAT44 of the NAT64 pool");

    /// <summary>Every program the native gateway needs, in the order a person would install them.</summary>
    public static IReadOnlyList<GatewayProgram> Required { get; } = [Named, NamedCheckconf, Tayga, Nft];

    /// <summary>The required programs <paramref name="isInstalled"/> says are absent, in <see cref="Required"/> order.</summary>
    public static GatewayPreflight Check(Func<string, bool> isInstalled) => Check(isInstalled, Required);

    /// <summary>Those of <paramref name="programs"/> that <paramref name="isInstalled"/> says are absent, in their order.</summary>
    public static GatewayPreflight Check(Func<string, bool> isInstalled, IEnumerable<GatewayProgram> programs)
    {
        ArgumentNullException.ThrowIfNull(isInstalled);
        ArgumentNullException.ThrowIfNull(programs);
        return new GatewayPreflight([.. programs.Where(p => !isInstalled(p.Name))]);
    }
}
