namespace Sixgill.Machine;

/// <summary>What the preflight found missing, and how to fix it.</summary>
internal sealed record ProgramPreflight(IReadOnlyList<RequiredProgram> Missing)
{
    public bool IsReady => Missing.Count == 0;

    /// <summary>Those of <paramref name="programs"/> that <paramref name="isInstalled"/> says are absent, in their order.</summary>
    public static ProgramPreflight Check(Func<string, bool> isInstalled, IEnumerable<RequiredProgram> programs)
    {
        ArgumentNullException.ThrowIfNull(isInstalled);
        ArgumentNullException.ThrowIfNull(programs);
        return new ProgramPreflight([.. programs.Where(p => !isInstalled(p.Name))]);
    }

    /// <summary>The packages to install, each once, in the order their programs were listed.</summary>
    public IReadOnlyList<string> Packages => [.. Missing.Select(p => p.Package).Distinct(StringComparer.Ordinal)];

    /// <summary>The fix, e.g. <c>apt-get install -y bind9 tayga</c>; null when nothing is missing.</summary>
    public string? InstallCommand => IsReady ? null : "apt-get install -y " + string.Join(' ', Packages);

    /// <summary>One line per missing program: <c>named (the DNS64 server): install package bind9</c>.</summary>
    public IEnumerable<string> Describe() =>
        Missing.Select(p => $"{p.Name} ({p.Purpose}) is missing: it is in the Debian package {p.Package}");
}
