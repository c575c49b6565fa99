using System.Security.Cryptography;
using System.Text;

namespace Sixgill.Lab;

/// <summary>
/// What the Debian root of systemd lab nodes holds, and where it is cached: outside any repository,
/// under a name keyed by its package list and suite, so a changed list is a new root. Pure.
/// </summary>
internal static class SystemdRootRecipe
{
    /// <summary>Where the roots are cached (root's, kept across reboots of the machine).</summary>
    public const string CacheDirectory = "/var/cache/sixgill/lab-roots";

    public const string Suite = "bookworm";

    /// <summary>Used when the machine's apt sources name no Debian archive.</summary>
    public const string DefaultMirror = "http://deb.debian.org/debian";

    /// <summary>The file that marks a finished root; a directory without it is a broken build.</summary>
    public const string DoneMarker = ".sixgill-root-done";

    /// <summary>
    /// Installed by debootstrap itself: a booting systemd with systemd-resolved's stub as the
    /// resolver (resolv.conf a symlink to it), ip, ps, ping, dig and curl for a person at the node.
    /// </summary>
    public static readonly IReadOnlyList<string> BasePackages =
        ["systemd", "systemd-sysv", "dbus", "iproute2", "systemd-resolved", "procps", "iputils-ping", "bind9-dnsutils", "curl", "ca-certificates"];

    /// <summary>
    /// Installed afterwards with apt, no daemon started: the distribution's own bind9 (enabled, as the
    /// archive ships it: what the port-53 check is about), the gateway's programs and sshd.
    /// </summary>
    public static readonly IReadOnlyList<string> ServicePackages = ["bind9", "bind9-utils", "tayga", "nftables", "openssh-server"];

    /// <summary>Twelve hex digits of the SHA-256 of the suite and both package lists.</summary>
    public static string Key
    {
        get
        {
            var text = $"{Suite} {string.Join(',', BasePackages)} {string.Join(',', ServicePackages)} v1";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        }
    }

    public static string Directory => $"{CacheDirectory}/debian-{Suite}-{Key}";

    /// <summary>Held while a root is built, so two labs starting at once build it once.</summary>
    public static string LockFile => $"{CacheDirectory}/build.lock";

    /// <summary>The first Debian archive the machine's apt sources name (deb822 <c>URIs:</c> or one-line <c>deb</c>), else <see cref="DefaultMirror"/>.</summary>
    public static string MirrorFrom(IEnumerable<string> sourcesLines)
    {
        ArgumentNullException.ThrowIfNull(sourcesLines);
        foreach (var raw in sourcesLines)
        {
            var line = raw.Trim();
            var words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var candidates = line.StartsWith("URIs:", StringComparison.Ordinal) ? words.Skip(1)
                : words.Length > 2 && words[0] == "deb" ? words.Skip(1).Where(w => !w.StartsWith('[')).Take(1)
                : [];
            foreach (var uri in candidates)
            {
                if (uri.StartsWith("http", StringComparison.Ordinal) && uri.TrimEnd('/').EndsWith("/debian", StringComparison.Ordinal))
                {
                    return uri.TrimEnd('/');
                }
            }
        }

        return DefaultMirror;
    }
}
