using System.Text;

namespace Sixgill.Gateway;

/// <summary>
/// Lines for Debian's AppArmor profile of <c>named</c>. The profile lets named read
/// <c>/etc/bind</c> and write <c>/var/cache/bind</c> and little else, so on a machine where
/// AppArmor enforces it, Sixgill's instance is refused its own config and state directory
/// ("permission denied" though the file modes are right). Debian's profile includes
/// <see cref="LocalProfile"/> for exactly this kind of site addition.
/// </summary>
internal static class Dns64AppArmor
{
    /// <summary>Site additions to the named profile; reloaded with <see cref="ReloadCommand"/>.</summary>
    public const string LocalProfile = "/etc/apparmor.d/local/usr.sbin.named";

    /// <summary>The profile that includes <see cref="LocalProfile"/>.</summary>
    public const string Profile = "/etc/apparmor.d/usr.sbin.named";

    /// <summary>Reads <c>Y</c> when the kernel runs AppArmor; absent or <c>N</c> otherwise.</summary>
    public const string EnabledFlag = "/sys/module/apparmor/parameters/enabled";

    public static IReadOnlyList<string> ReloadCommand => ["apparmor_parser", "-r", Profile];

    /// <summary>The rules, one per line, to add to <see cref="LocalProfile"/>.</summary>
    public static IReadOnlyList<string> Rules(GatewayPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return
        [
            $"{paths.Dns64ConfigDirectory}/ r,",
            $"{paths.Dns64ConfigDirectory}/** r,",
            $"{paths.Dns64StateDirectory}/ rw,",
            $"{paths.Dns64StateDirectory}/** rwk,",
        ];
    }

    public static string Render(GatewayPaths paths)
    {
        var text = new StringBuilder("# Sixgill's DNS64 server: its own config and state (SPEC §6.1)\n");
        foreach (var rule in Rules(paths))
        {
            text.Append(rule).Append('\n');
        }

        return text.ToString();
    }
}
