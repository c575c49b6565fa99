using System.Globalization;
using System.Text;

namespace Sixgill.Host;

/// <summary>
/// The person <c>up</c> works for: the user who ran <c>sudo sixgill up</c> (<c>SUDO_USER</c>), else root.
/// The master's <c>admin.conf</c> becomes their <c>~/.kube/config</c>, owned by them, so <c>kubectl</c>
/// works for them at once (SPEC §5.4 step 3).
/// </summary>
internal sealed record KubeconfigOwner(string User, string Home, uint Uid, uint Gid)
{
    public const string PasswdPath = "/etc/passwd";

    public static KubeconfigOwner Root { get; } = new("root", "/root", 0, 0);

    public string KubeconfigPath => Path.Combine(Home, ".kube", "config");

    /// <summary>The owner to give the file; null for root, who writes it anyway.</summary>
    public FileOwner? FileOwner => Uid == 0 && Gid == 0 ? null : new FileOwner(Uid, Gid);

    /// <summary>
    /// <paramref name="sudoUser"/> as <c>/etc/passwd</c> has them (reads only); root when it is unset.
    /// Null when a named user is not there (a directory service Sixgill does not read, say).
    /// </summary>
    public static KubeconfigOwner? Find(IFiles files, string? sudoUser)
    {
        ArgumentNullException.ThrowIfNull(files);
        var passwd = files.Read(PasswdPath) is { } bytes ? Encoding.UTF8.GetString(bytes) : "";
        return string.IsNullOrEmpty(sudoUser) || sudoUser == "root"
            ? Parse(passwd).FirstOrDefault(e => e.Uid == 0) ?? Root
            : Parse(passwd).FirstOrDefault(e => e.User == sudoUser);
    }

    /// <summary>The well-formed entries of a passwd file (<c>name:x:uid:gid:gecos:home:shell</c>), in order.</summary>
    internal static IEnumerable<KubeconfigOwner> Parse(string passwd)
    {
        ArgumentNullException.ThrowIfNull(passwd);
        foreach (var line in passwd.Split('\n'))
        {
            var fields = line.TrimEnd('\r').Split(':');
            if (fields.Length >= 7 && fields[0].Length > 0 && !fields[0].StartsWith('#')
                && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
                && uint.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var gid)
                && fields[5].StartsWith('/'))
            {
                yield return new KubeconfigOwner(fields[0], fields[5], uid, gid);
            }
        }
    }
}
