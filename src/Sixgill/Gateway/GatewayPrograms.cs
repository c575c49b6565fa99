using Sixgill.Machine;

namespace Sixgill.Gateway;

/// <summary>
/// The preflight of the native runtime (docs/gateway.md): which programs the gateway node needs, and for
/// those missing, the Debian packages and the one <c>apt-get install</c> line that brings them.
/// Sixgill never installs anything itself: it says what to run and stops.
/// </summary>
/// <remarks>Pure: whether a program is there is asked of the caller (the program search of the host adapters, on a machine).</remarks>
internal static class GatewayPrograms
{
    public static readonly RequiredProgram Named = new("named", "bind9", "/usr/sbin/named", "the DNS64 server");

    public static readonly RequiredProgram NamedCheckconf = new("named-checkconf", "bind9-utils", "/usr/bin/named-checkconf", "checks the DNS64 server's config");

    public static readonly RequiredProgram Tayga = new("tayga", "tayga", "/usr/sbin/tayga", "the NAT64");

    public static readonly RequiredProgram Nft = new("nft", "nftables", "/usr/sbin/nft", "the NAT44 of the NAT64 pool");

    /// <summary>Every program the native gateway needs, in the order a person would install them.</summary>
    public static IReadOnlyList<RequiredProgram> Required { get; } = [Named, NamedCheckconf, Tayga, Nft];

    /// <summary>The required programs <paramref name="isInstalled"/> says are absent, in <see cref="Required"/> order.</summary>
    public static ProgramPreflight Check(Func<string, bool> isInstalled) => ProgramPreflight.Check(isInstalled, Required);
}
