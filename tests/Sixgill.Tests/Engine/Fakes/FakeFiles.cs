using System.Text;
using Sixgill.Host;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>An in-memory file system: files with content and mode, and directories.</summary>
internal sealed class FakeFiles(Doom? doom = null) : IFiles
{
    private const UnixFileMode DefaultMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly Doom doom = doom ?? new Doom();
    private readonly SortedDictionary<string, (byte[] Content, UnixFileMode Mode)> files = new(StringComparer.Ordinal);
    private readonly SortedSet<string> directories = new(StringComparer.Ordinal) { "/" };
    private readonly Dictionary<string, (uint Uid, uint Gid)> owners = new(StringComparer.Ordinal);

    public Func<string, bool> FailWhen { get; set; } = _ => false;

    public List<string> Log { get; } = [];

    public FakeFiles WithFile(string path, string text, UnixFileMode mode = DefaultMode)
    {
        AddDirectories(Path.GetDirectoryName(path)!);
        files[path] = (Encoding.UTF8.GetBytes(text), mode);
        return this;
    }

    public FakeFiles WithDirectory(string path)
    {
        AddDirectories(path);
        return this;
    }

    public string? Text(string path) => files.TryGetValue(path, out var file) ? Encoding.UTF8.GetString(file.Content) : null;

    /// <summary>Who owns the file or directory: root unless <see cref="SetOwner"/> said otherwise.</summary>
    public (uint Uid, uint Gid) OwnerOf(string path) => owners.GetValueOrDefault(path);

    public UnixFileMode? ModeOf(string path) => files.TryGetValue(path, out var file) ? file.Mode : null;

    public IEnumerable<string> Paths => files.Keys;

    public FileFacts? Stat(string path)
    {
        doom.Check();
        var (uid, gid) = OwnerOf(path);
        return files.TryGetValue(path, out var file) ? new FileFacts(path, path, false, file.Mode, uid, gid) : null;
    }

    public byte[]? Read(string path)
    {
        doom.Check();
        return files.TryGetValue(path, out var file) ? [.. file.Content] : null;
    }

    public void Write(string path, ReadOnlySpan<byte> content, UnixFileMode? mode = null)
    {
        var bytes = content.ToArray();
        Change($"write {path}", () =>
        {
            if (!directories.Contains(Path.GetDirectoryName(path)!))
            {
                throw new DirectoryNotFoundException($"no directory for {path}");
            }

            files[path] = (bytes, mode ?? (files.TryGetValue(path, out var old) ? old.Mode : DefaultMode));
        });
    }

    public bool Delete(string path)
    {
        var existed = false;
        Change($"delete {path}", () =>
        {
            existed = files.Remove(path);
            owners.Remove(path);
        });
        return existed;
    }

    public bool DirectoryExists(string path)
    {
        doom.Check();
        return directories.Contains(path);
    }

    public void CreateDirectory(string path, UnixFileMode mode) => Change($"mkdir {path}", () => AddDirectories(path));

    public bool DeleteDirectoryIfEmpty(string path)
    {
        doom.Check();
        var empty = directories.Contains(path)
            && !files.Keys.Any(f => f.StartsWith(path + "/", StringComparison.Ordinal))
            && !directories.Any(d => d.StartsWith(path + "/", StringComparison.Ordinal));
        if (empty)
        {
            Change($"rmdir {path}", () =>
            {
                directories.Remove(path);
                owners.Remove(path);
            });
        }

        return empty;
    }

    public void SetOwner(string path, uint uid, uint gid) =>
        Change($"chown {uid}:{gid} {path}", () =>
        {
            if (!files.ContainsKey(path) && !directories.Contains(path))
            {
                throw new FileNotFoundException($"no such file or directory: {path}");
            }

            owners[path] = (uid, gid);
        });

    /// <summary>Every file and directory outside <paramref name="excluded"/> (Sixgill's state directory), to compare before and after.</summary>
    public string Snapshot(string excluded = "/var/lib/sixgill")
    {
        var text = new StringBuilder();
        foreach (var directory in directories.Where(d => !Under(d, excluded)))
        {
            text.Append("dir ").Append(directory).AppendLine(OwnerText(directory));
        }

        foreach (var (path, file) in files.Where(f => !Under(f.Key, excluded)))
        {
            text.Append(path).Append(' ').Append(Convert.ToString((int)file.Mode, 8)).Append(OwnerText(path)).Append(' ').AppendLine(Convert.ToBase64String(file.Content));
        }

        return text.ToString();
    }

    private string OwnerText(string path) => owners.TryGetValue(path, out var owner) ? $" {owner.Uid}:{owner.Gid}" : "";

    private static bool Under(string path, string directory) => path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);

    private void AddDirectories(string path)
    {
        for (var d = path; !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
        {
            directories.Add(d);
        }
    }

    private void Change(string what, Action change)
    {
        doom.Change();
        Log.Add(what);
        if (FailWhen(what))
        {
            throw new IOException($"simulated failure of '{what}'");
        }

        change();
    }
}
