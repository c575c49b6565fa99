namespace Sixgill.Machine;

/// <summary>
/// A sysctl name Sixgill may touch: only <c>net.*</c>, which is per network namespace. Other trees
/// (<c>vm.*</c>, <c>kernel.*</c>, …) are global to the machine, so a key outside <c>net.</c> cannot
/// even be constructed — the rule is enforced by the type, not by callers remembering it.
/// </summary>
internal sealed record SysctlKey
{
    private SysctlKey(string name) => Name = name;

    /// <summary>The dotted name, as <c>sysctl</c> and <c>/etc/sysctl.d</c> spell it.</summary>
    public string Name { get; }

    /// <summary>
    /// The file under <c>/proc/sys</c>. A component may hold a dot written as <c>/</c> (an interface
    /// such as <c>eth0.100</c> is <c>net.ipv6.conf.eth0/100.forwarding</c>), as sysctl(8) does.
    /// </summary>
    public string ProcPath => "/proc/sys/" + string.Join('/', Name.Split('.').Select(part => part.Replace('/', '.')));

    public static SysctlKey Parse(string name) =>
        TryParse(name, out var key, out var why) ? key : throw new ArgumentException($"sysctl '{name}' refused: {why}", nameof(name));

    public static bool TryParse(string? name, out SysctlKey key, out string why)
    {
        key = null!;
        if (string.IsNullOrEmpty(name) || !name.StartsWith("net.", StringComparison.Ordinal))
        {
            why = "Sixgill only writes net.* sysctls (others are global to the machine)";
            return false;
        }

        var parts = name.Split('.');
        // A '/' stands for a dot inside a component, so "//" would become ".." under /proc/sys: every
        // component must name something (a letter or digit), never just slashes.
        if (parts.Any(part => !part.All(IsAllowed) || !part.Any(char.IsAsciiLetterOrDigit)))
        {
            why = "not a sysctl name";
            return false;
        }

        key = new SysctlKey(name);
        why = "";
        return true;
    }

    public override string ToString() => Name;

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '/';
}
