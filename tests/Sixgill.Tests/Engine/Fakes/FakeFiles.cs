using System.Text;
using Sixgill.Machine;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// The one fake <see cref="IFiles"/>: an in-memory file system of files (content, mode, owner, mtime),
/// directories (mode, owner) and symbolic links (followed by <see cref="Stat"/> and <see cref="Read"/>,
/// set up by tests only). <see cref="FailWhen"/> fails chosen changes.
/// </summary>
internal sealed class FakeFiles(Doom? doom = null) : IFiles
{
    private const UnixFileMode DefaultMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode DirectoryMode = DefaultMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly Doom doom = doom ?? new Doom();
    private readonly SortedDictionary<string, FakeFile> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> symlinks = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, FakeDirectory> directories = new(StringComparer.Ordinal) { ["/"] = new(DirectoryMode, 0, 0) };

    // Every write gets a later mtime than the one before, as the kernel's clock would give it.
    private DateTimeOffset clock = DateTimeOffset.UnixEpoch;

    public Func<string, bool> FailWhen { get; set; } = _ => false;

    public List<string> Log { get; } = [];

    public FakeFiles WithFile(string path, string text, UnixFileMode mode = DefaultMode)
    {
        AddDirectories(Path.GetDirectoryName(path)!);
        files[path] = new FakeFile(Encoding.UTF8.GetBytes(text), mode, 0, 0, Tick());
        return this;
    }

    /// <summary>A symbolic link at <paramref name="path"/> to <paramref name="target"/> (a link to nothing stats as nothing, as on Linux).</summary>
    public FakeFiles WithSymlink(string path, string target)
    {
        AddDirectories(Path.GetDirectoryName(path)!);
        symlinks[path] = target;
        return this;
    }

    public FakeFiles WithDirectory(string path)
    {
        AddDirectories(path);
        return this;
    }

    public string? Text(string path) => files.TryGetValue(path, out var file) ? Encoding.UTF8.GetString(file.Content) : null;

    public UnixFileMode? ModeOf(string path) => files.TryGetValue(path, out var file) ? file.Mode : directories.TryGetValue(path, out var d) ? d.Mode : null;

    public (uint Uid, uint Gid)? OwnerOf(string path) =>
        files.TryGetValue(path, out var file) ? (file.Uid, file.Gid) : directories.TryGetValue(path, out var d) ? (d.Uid, d.Gid) : null;

    public IEnumerable<string> Paths => files.Keys;

    public FileFacts? Stat(string path)
    {
        doom.Check();
        if (symlinks.TryGetValue(path, out var target))
        {
            return Stat(target) is { } facts ? facts with { Path = path, IsSymlink = true } : null;
        }

        return files.TryGetValue(path, out var file) ? new FileFacts(path, path, false, file.Mode, file.Uid, file.Gid, file.Modified)
            : directories.TryGetValue(path, out var directory) ? new FileFacts(path, path, false, directory.Mode, directory.Uid, directory.Gid)
            : null;
    }

    public byte[]? Read(string path)
    {
        doom.Check();
        return files.TryGetValue(symlinks.GetValueOrDefault(path, path), out var file) ? [.. file.Content] : null;
    }

    public void Write(string path, ReadOnlySpan<byte> content, UnixFileMode? mode = null)
    {
        var bytes = content.ToArray();
        Change($"write {path}", () =>
        {
            if (!directories.ContainsKey(Path.GetDirectoryName(path)!))
            {
                throw new DirectoryNotFoundException($"no directory for {path}");
            }

            var old = files.GetValueOrDefault(path);
            files[path] = new FakeFile(bytes, mode ?? old?.Mode ?? DefaultMode, old?.Uid ?? 0, old?.Gid ?? 0, Tick());
        });
    }

    public void Append(string path, ReadOnlySpan<byte> content, bool durable)
    {
        var bytes = content.ToArray();
        Change($"append {path}", () =>
        {
            var old = files.GetValueOrDefault(path) ?? throw new FileNotFoundException($"no file {path} to append to", path);
            files[path] = old with { Content = [.. old.Content, .. bytes], Modified = Tick() };
        });
    }

    /// <summary>A file a daemon writes (its pid file): not Sixgill's change, so no crash point of its own.</summary>
    public void WriteAsDaemon(string path, string text)
    {
        var old = files.GetValueOrDefault(path);
        files[path] = new FakeFile(Encoding.UTF8.GetBytes(text), old?.Mode ?? DefaultMode, old?.Uid ?? 0, old?.Gid ?? 0, Tick());
    }

    public void RemoveAsDaemon(string path) => files.Remove(path);

    public bool Delete(string path)
    {
        var existed = false;
        Change($"delete {path}", () => existed = files.Remove(path));
        return existed;
    }

    public bool DirectoryExists(string path)
    {
        doom.Check();
        return directories.ContainsKey(path);
    }

    public IReadOnlyList<string> EntryNames(string directory)
    {
        doom.Check();
        return [.. files.Keys.Concat(directories.Keys)
            .Where(p => p != "/" && Path.GetDirectoryName(p) == directory)
            .Select(p => Path.GetFileName(p))
            .Order(StringComparer.Ordinal)];
    }

    // Like the real adapter (Directory.CreateDirectory), missing parents are made too.
    public void CreateDirectory(string path, UnixFileMode mode) =>
        Change($"mkdir {path}", () =>
        {
            AddDirectories(path);
            directories[path] = new FakeDirectory(mode, 0, 0);
        });

    public bool DeleteDirectoryIfEmpty(string path)
    {
        doom.Check();
        var empty = directories.ContainsKey(path) && !Inside(path).Any();
        if (empty)
        {
            Change($"rmdir {path}", () => directories.Remove(path));
        }

        return empty;
    }

    public bool DeleteDirectoryWithFiles(string path)
    {
        doom.Check();
        if (!directories.ContainsKey(path) || directories.Keys.Any(d => d.StartsWith(path + "/", StringComparison.Ordinal)))
        {
            return false;
        }

        Change($"rm -r {path}", () =>
        {
            foreach (var file in Inside(path).ToList())
            {
                files.Remove(file);
            }

            directories.Remove(path);
        });
        return true;
    }

    public void SetOwner(string path, uint uid, uint gid) =>
        Change($"chown {uid}:{gid} {path}", () =>
        {
            if (directories.TryGetValue(path, out var directory))
            {
                directories[path] = directory with { Uid = uid, Gid = gid };
            }
            else
            {
                files[path] = Existing(path) with { Uid = uid, Gid = gid };
            }
        });

    public void SetMode(string path, UnixFileMode mode) =>
        Change($"chmod {Convert.ToString((int)mode, 8)} {path}", () =>
        {
            if (directories.TryGetValue(path, out var directory))
            {
                directories[path] = directory with { Mode = mode };
            }
            else
            {
                files[path] = Existing(path) with { Mode = mode };
            }
        });

    /// <summary>Every file and directory outside <paramref name="excluded"/> (by default Sixgill's state directory), to compare before and after.</summary>
    public string Snapshot(params string[] excluded)
    {
        excluded = excluded.Length == 0 ? ["/var/lib/sixgill"] : excluded;
        var text = new StringBuilder();
        foreach (var (path, directory) in directories.Where(d => !excluded.Any(e => Under(d.Key, e))))
        {
            text.Append("dir ").Append(path).Append(' ').Append(Convert.ToString((int)directory.Mode, 8)).Append(' ').Append(directory.Uid).Append(':').Append(directory.Gid).AppendLine();
        }

        foreach (var (path, file) in files.Where(f => !excluded.Any(e => Under(f.Key, e))))
        {
            text.Append(path).Append(' ').Append(Convert.ToString((int)file.Mode, 8)).Append(' ').AppendLine(Convert.ToBase64String(file.Content));
        }

        return text.ToString();
    }

    private FakeFile Existing(string path) => files.TryGetValue(path, out var file) ? file : throw new FileNotFoundException(path);

    private IEnumerable<string> Inside(string path) =>
        files.Keys.Concat(directories.Keys).Where(entry => entry.StartsWith(path + "/", StringComparison.Ordinal));

    private DateTimeOffset Tick() => clock = clock.AddMilliseconds(1);

    private static bool Under(string path, string directory) => path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);

    private void AddDirectories(string path)
    {
        for (var d = path; !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
        {
            directories.TryAdd(d, new FakeDirectory(DirectoryMode, 0, 0));
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

    private sealed record FakeFile(byte[] Content, UnixFileMode Mode, uint Uid, uint Gid, DateTimeOffset Modified);

    private sealed record FakeDirectory(UnixFileMode Mode, uint Uid, uint Gid);
}
