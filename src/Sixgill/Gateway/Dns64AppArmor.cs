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
    /// <summary>Site additions to the named profile (then <c>apparmor_parser -r</c> <see cref="Profile"/>).</summary>
    public const string LocalProfile = "/etc/apparmor.d/local/usr.sbin.named";

    /// <summary>The profile that includes <see cref="LocalProfile"/>.</summary>
    public const string Profile = "/etc/apparmor.d/usr.sbin.named";

    /// <summary>The profiles the kernel has loaded, one per line (<c>/usr/sbin/named (enforce)</c>); absent without AppArmor.</summary>
    public const string LoadedProfiles = "/sys/kernel/security/apparmor/profiles";

    /// <summary>The name Debian's profile for named is loaded under.</summary>
    public const string ProfileName = "/usr/sbin/named";

    /// <summary>Whether the kernel confines named: its profile is among <see cref="LoadedProfiles"/>.</summary>
    public static bool ConfinesNamed(string? loadedProfiles) =>
        loadedProfiles is not null && loadedProfiles.Split('\n').Any(line => line.StartsWith(ProfileName + " ", StringComparison.Ordinal));

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
            $"{paths.Dns64RunDirectory}/ rw,",
            $"{paths.Dns64RunDirectory}/** rwk,",
        ];
    }
}
