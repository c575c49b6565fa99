namespace Sixgill.Host.Processes;

/// <summary>
/// Whether a program is installed: on <c>PATH</c>, or in the system directories that a root
/// shell has but a plain user's or a service's <c>PATH</c> may lack (<c>named</c>, <c>tayga</c> and
/// <c>nft</c> live in <c>/usr/sbin</c>).
/// </summary>
internal static class ProgramSearch
{
    private static readonly string[] SystemDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static bool IsInstalled(string program) => Find(program) is not null;

    /// <summary>The full path of <paramref name="program"/>, or null.</summary>
    public static string? Find(string program)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(program) ? program : null;
        }

        // A loop, not Concat(…).Select(…): that Select is a generic virtual call, which a NativeAOT
        // build resolves at run time (tens of page faults in a command of a few hundred).
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        foreach (var directory in path.Concat(SystemDirectories))
        {
            var candidate = Path.Combine(directory, program);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
