using System.Globalization;
using Sixgill.Machine;

namespace Sixgill.Facts;

/// <summary>
/// User and group ids by name, from the node's <c>/etc/passwd</c> and <c>/etc/group</c> (read through
/// <see cref="IFiles"/>, so a lab node's own files count). Daemon accounts such as <c>bind</c> are
/// made by their packages in these files; directory services are not consulted.
/// </summary>
internal static class SystemAccounts
{
    public const string PasswdFile = "/etc/passwd";

    public const string GroupFile = "/etc/group";

    /// <summary>The ids of <paramref name="user"/> and <paramref name="group"/>; a missing one is a precondition (nothing is changed).</summary>
    public static (uint Uid, uint Gid) Resolve(IFiles files, string user, string group)
    {
        ArgumentNullException.ThrowIfNull(files);
        var uid = IdIn(Text(files, PasswdFile), user)
            ?? throw new PreconditionFailedException($"the user {user} does not exist on this node ({PasswdFile})");
        var gid = IdIn(Text(files, GroupFile), group)
            ?? throw new PreconditionFailedException($"the group {group} does not exist on this node ({GroupFile})");
        return (uid, gid);
    }

    /// <summary>The well-formed entries of the node's <c>/etc/passwd</c> (<c>name:x:uid:gid:gecos:home:shell</c>), in order.</summary>
    public static IEnumerable<PasswdEntry> Users(IFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return UsersIn(Text(files, PasswdFile));
    }

    internal static IEnumerable<PasswdEntry> UsersIn(string passwd)
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
                yield return new PasswdEntry(fields[0], uid, gid, fields[5]);
            }
        }
    }

    private static string Text(IFiles files, string path) => files.Read(path) is { } bytes ? System.Text.Encoding.Latin1.GetString(bytes) : "";

    /// <summary>The third field of the line whose first field is <paramref name="name"/> (both files have this shape).</summary>
    public static uint? IdIn(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            var fields = line.TrimEnd('\r').Split(':');
            if (fields.Length >= 3 && fields[0] == name && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }
        }

        return null;
    }
}

/// <summary>A user as <c>/etc/passwd</c> has them: name, ids (the group is the primary one) and home.</summary>
internal sealed record PasswdEntry(string Name, uint Uid, uint Gid, string Home);
