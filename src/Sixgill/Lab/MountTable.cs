using System.Text;

namespace Sixgill.Lab;

/// <summary>One line of /proc/self/mounts.</summary>
internal sealed record MountEntry(string Source, string Target, string FileSystemType);

/// <summary>Reads the mount table of this process's mount namespace (the machine's, for Sixgill itself).</summary>
internal static class MountTable
{
    public const string OwnMounts = "/proc/self/mounts";

    public static IReadOnlyList<MountEntry> Read() => Parse(File.ReadAllText(OwnMounts));

    public static IReadOnlyList<MountEntry> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<MountEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length >= 3)
            {
                entries.Add(new MountEntry(Unescape(fields[0]), Unescape(fields[1]), Unescape(fields[2])));
            }
        }

        return entries;
    }

    /// <summary>The kernel writes space, tab, newline and backslash in paths as octal escapes (<c>\040</c>).</summary>
    internal static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field[i + 1]) && IsOctal(field[i + 2]) && IsOctal(field[i + 3]))
            {
                text.Append((char)(((field[i + 1] - '0') * 64) + ((field[i + 2] - '0') * 8) + (field[i + 3] - '0')));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
