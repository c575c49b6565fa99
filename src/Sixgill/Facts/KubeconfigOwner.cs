using Sixgill.Machine;

namespace Sixgill.Facts;

/// <summary>
/// The person <c>up</c> works for: the user who ran <c>sudo sixgill up</c> (<c>SUDO_USER</c>), else root.
/// The master's <c>admin.conf</c> becomes their <c>~/.kube/config</c>, owned by them, so <c>kubectl</c>
/// works for them at once (docs/steps.md).
/// </summary>
internal sealed record KubeconfigOwner(string User, string Home, uint Uid, uint Gid)
{
    public static KubeconfigOwner Root { get; } = new("root", "/root", 0, 0);

    public string KubeconfigPath => Path.Combine(Home, ".kube", "config");

    /// <summary>The owner to give the file; null for root, who writes it anyway.</summary>
    public FileOwner? FileOwner => Uid == 0 && Gid == 0 ? null : new FileOwner(Uid, Gid);

    /// <summary>
    /// <paramref name="sudoUser"/> as the node's <c>/etc/passwd</c> has them (reads only); root when it
    /// is unset. Null when a named user is not there (a directory service Sixgill does not read, say).
    /// </summary>
    public static KubeconfigOwner? Find(IFiles files, string? sudoUser)
    {
        var users = SystemAccounts.Users(files);
        var entry = string.IsNullOrEmpty(sudoUser) || sudoUser == "root"
            ? users.FirstOrDefault(e => e.Uid == 0)
            : users.FirstOrDefault(e => e.Name == sudoUser);
        return entry is null
            ? string.IsNullOrEmpty(sudoUser) || sudoUser == "root" ? Root : null
            : new KubeconfigOwner(entry.Name, entry.Home, entry.Uid, entry.Gid);
    }
}
