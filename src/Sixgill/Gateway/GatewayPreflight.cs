namespace Sixgill.Gateway;

/// <summary>What the preflight found missing, and how to fix it.</summary>
internal sealed record GatewayPreflight(IReadOnlyList<GatewayProgram> Missing)
{
    /// <summary>The programs of <paramref name="required"/> that <paramref name="isInstalled"/> says are absent, in that order.</summary>
    public static GatewayPreflight Of(IEnumerable<GatewayProgram> required, Func<string, bool> isInstalled)
    {
        ArgumentNullException.ThrowIfNull(isInstalled);
        return new GatewayPreflight([.. required.Where(p => !isInstalled(p.Name)).DistinctBy(p => p.Name)]);
    }

    public bool IsReady => Missing.Count == 0;

    /// <summary>The packages to install, each once, in the order their programs were listed.</summary>
    public IReadOnlyList<string> Packages => [.. Missing.Select(p => p.Package).Distinct(StringComparer.Ordinal)];

    /// <summary>The fix, e.g. <c>apt-get install -y bind9 tayga</c>; null when nothing is missing.</summary>
    public string? InstallCommand => IsReady ? null : "apt-get install -y " + string.Join(' ', Packages);

    /// <summary>One line per missing program: <c>named (the DNS64 server): install package bind9</c>.</summary>
    public IEnumerable<string> Describe() =>
        Missing.Select(p => $"{p.Name} ({p.Purpose}) is missing: it is in the Debian package {p.Package}");
}
