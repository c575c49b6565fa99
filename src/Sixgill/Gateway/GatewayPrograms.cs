namespace Sixgill.Gateway;

/// <summary>
/// The preflight of the native runtime (SPEC §6.1): which programs the gateway node needs, and for
/// those missing, the Debian packages and the one <c>apt-get install</c> line that brings them.
/// Sixgill never installs anything itself: it says what to run and stops.
/// </summary>
/// <remarks>Pure: whether a program is there is asked of the caller (<see cref="Host.ProgramSearch"/> on a machine).</remarks>
internal static class GatewayPrograms
{
    public static readonly GatewayProgram Named = new("named", "bind9", "/usr/sbin/named", "the DNS64 server");

    public static readonly GatewayProgram NamedCheckconf = new("named-checkconf", "bind9-utils", "/usr/bin/named-checkconf", "checks the DNS64 server's config");

    public static readonly GatewayProgram Tayga = new("tayga", "tayga", "/usr/sbin/tayga", "the NAT64");

    public static readonly GatewayProgram Nft = new("nft", "nftables", "/usr/sbin/nft", "the NAT44 of the NAT64 pool");

    /// <summary>Every program the native gateway needs, in the order a person would install them.</summary>
    public static IReadOnlyList<GatewayProgram> Required { get; } = [Named, NamedCheckconf, Tayga, Nft];

    /// <summary>The required programs <paramref name="isInstalled"/> says are absent, in <see cref="Required"/> order.</summary>
    public static GatewayPreflight Check(Func<string, bool> isInstalled)
    {
        ArgumentNullException.ThrowIfNull(isInstalled);
        return new GatewayPreflight([.. Required.Where(p => !isInstalled(p.Name))]);
    }
}

/// <summary>What the preflight found missing, and how to fix it.</summary>
internal sealed record GatewayPreflight(IReadOnlyList<GatewayProgram> Missing)
{
    public bool IsReady => Missing.Count == 0;

    /// <summary>The packages to install, each once, in the order their programs were listed.</summary>
    public IReadOnlyList<string> Packages => [.. Missing.Select(p => p.Package).Distinct(StringComparer.Ordinal)];

    /// <summary>The fix, e.g. <c>apt-get install -y bind9 tayga</c>; null when nothing is missing.</summary>
    public string? InstallCommand => IsReady ? null : "apt-get install -y " + string.Join(' ', Packages);

    /// <summary>One line per missing program: <c>named (the DNS64 server): install package bind9</c>.</summary>
    public IEnumerable<string> Describe() =>
        Missing.Select(p => $"{p.Name} ({p.Purpose}) is missing: it is in the Debian package {p.Package}");
}
