using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;
using Sixgill.Host.Interop;
using Sixgill.Machine;

namespace Sixgill.Host.Files;

/// <summary>The real file system, with the durability and ownership rules of <see cref="IFiles"/>.</summary>
[SupportedOSPlatform("linux")]
internal sealed class LinuxFiles : IFiles
{
    private const UnixFileMode DefaultMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    // File type bits of st_mode: S_IFMT and S_IFLNK.
    private const int TypeMask = 0xF000;
    private const int SymlinkType = 0xA000;

    public FileFacts? Stat(string path)
    {
        if (!TryStatx(path, LibC.NoFollowSymlink, out var own))
        {
            return null;
        }

        var isSymlink = (own.Mode & TypeMask) == SymlinkType;
        var realPath = isSymlink ? RealPath(path) : path;
        if (isSymlink && !TryStatx(realPath, 0, out own))
        {
            return null; // a dangling link: nothing to read yet
        }

        var modified = DateTimeOffset.FromUnixTimeSeconds(own.ModifiedSeconds).AddTicks(own.ModifiedNanoseconds / 100);
        return new FileFacts(path, realPath, isSymlink, (UnixFileMode)(own.Mode & 0xFFF), own.Uid, own.Gid, modified);
    }

    public byte[]? Read(string path)
    {
        // A file that is not there is an ordinary answer (no CA yet, no journal yet): asked first, so
        // that it does not cost a thrown exception (a stack walk) every time; the catch is for a race.
        if (!TryStatx(path, 0, out _) && Marshal.GetLastPInvokeError() is LibC.NoSuchEntry or LibC.NotADirectory)
        {
            return null;
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Write(string path, ReadOnlySpan<byte> content, UnixFileMode? mode = null)
    {
        var target = RealPath(path);
        var directory = Path.GetDirectoryName(target) ?? "/";
        var existing = TryStatx(target, 0, out var facts) ? facts : (LibC.StatxBuffer?)null;
        var finalMode = mode ?? (existing is { } e ? (UnixFileMode)(e.Mode & 0xFFF) : DefaultMode);
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.sixgill-{Environment.ProcessId}-{Random.Shared.Next():x8}");

        try
        {
            using (var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0, // one write of the whole content: no buffer to allocate
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite, // no wider than 0600 until the mode is final
            }))
            {
                if (existing is { } owner)
                {
                    KeepOwner(stream.SafeFileHandle, owner, temp);
                }

                File.SetUnixFileMode(stream.SafeFileHandle, finalMode); // after chown, which clears set-id bits
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (LibC.Rename(temp, target) != 0)
            {
                var error = LibC.Error("rename", target);
                if (error.HResult != LibC.Busy)
                {
                    throw error;
                }

                RewriteInPlace(target, content, mode);
                File.Delete(temp);
            }

            SyncDirectory(directory);
        }
        catch
        {
            File.Delete(temp); // no-op when already renamed or never created
            throw;
        }
    }

    public void Append(string path, ReadOnlySpan<byte> content, bool durable)
    {
        using var stream = new FileStream(RealPath(path), new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite, BufferSize = 0 });
        var start = stream.Position;
        try
        {
            stream.Write(content);
        }
        catch (IOException)
        {
            // A full file system takes part of a write: cut it off, so the file ends where it did (a
            // torn line followed by a later append would be a broken line in the middle of a journal).
            _ = LibC.Ftruncate((int)stream.SafeFileHandle.DangerousGetHandle(), start);
            throw;
        }

        if (durable && LibC.Fdatasync((int)stream.SafeFileHandle.DangerousGetHandle()) != 0)
        {
            throw LibC.Error("fdatasync", path);
        }
    }

    public bool Delete(string path)
    {
        var target = RealPath(path);
        if (!File.Exists(target))
        {
            return false;
        }

        File.Delete(target);
        SyncDirectory(Path.GetDirectoryName(target) ?? "/");
        return true;
    }

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public IReadOnlyList<string> EntryNames(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    public void CreateDirectory(string path, UnixFileMode mode)
    {
        Directory.CreateDirectory(path, mode);
        File.SetUnixFileMode(path, mode); // CreateDirectory's mode is filtered by the umask
        SyncDirectory(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(path)) ?? "/");
    }

    public bool DeleteDirectoryIfEmpty(string path)
    {
        if (!Directory.Exists(path) || Directory.EnumerateFileSystemEntries(path).Any())
        {
            return false;
        }

        Directory.Delete(path);
        return true;
    }

    public bool DeleteDirectoryWithFiles(string path)
    {
        if (!Directory.Exists(path) || Directory.EnumerateDirectories(path).Any(entry => !IsSymlink(entry)))
        {
            return false;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(path))
        {
            File.Delete(entry); // unlink(2): a symlink itself, never its target
        }

        Directory.Delete(path);
        SyncDirectory(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(path)) ?? "/");
        return true;
    }

    public void SetOwner(string path, uint uid, uint gid)
    {
        if (LibC.Lchown(path, uid, gid) != 0)
        {
            throw LibC.Error("lchown", path);
        }
    }

    public void SetMode(string path, UnixFileMode mode) => File.SetUnixFileMode(path, mode);

    private static bool IsSymlink(string path) => TryStatx(path, LibC.NoFollowSymlink, out var own) && (own.Mode & TypeMask) == SymlinkType;

    /// <summary>The file a path finally names: itself (also when absent), or the end of its chain of symlinks.</summary>
    private static string RealPath(string path) =>
        TryStatx(path, LibC.NoFollowSymlink, out var own) && (own.Mode & TypeMask) == SymlinkType
            ? File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path
            : path;

    private static bool TryStatx(string path, int flags, out LibC.StatxBuffer buffer) =>
        LibC.Statx(LibC.CurrentDirectory, path, flags, LibC.BasicStats, out buffer) == 0;

    // The temp file belongs to whoever runs Sixgill; the file it replaces may belong to someone else.
    private static void KeepOwner(SafeFileHandle handle, LibC.StatxBuffer owner, string temp)
    {
        if (TryStatx(temp, 0, out var mine) && mine.Uid == owner.Uid && mine.Gid == owner.Gid)
        {
            return;
        }

        if (LibC.Fchown((int)handle.DangerousGetHandle(), owner.Uid, owner.Gid) != 0)
        {
            throw LibC.Error("fchown", temp);
        }
    }

    // A bind-mounted file cannot be replaced, only overwritten. Write first and truncate after, so the
    // file is never seen empty; fsync so the change survives a crash like the rename would.
    private static void RewriteInPlace(string target, ReadOnlySpan<byte> content, UnixFileMode? mode)
    {
        using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        if (mode is { } wanted)
        {
            File.SetUnixFileMode(stream.SafeFileHandle, wanted);
        }

        stream.Write(content);
        stream.SetLength(content.Length);
        stream.Flush(flushToDisk: true);
    }

    // Makes a rename or unlink durable: without it a crash can bring back the old directory entry.
    private static void SyncDirectory(string directory)
    {
        var fd = LibC.Open(directory, LibC.ReadOnly | LibC.CloseOnExec, 0);
        if (fd < 0)
        {
            throw LibC.Error("open", directory);
        }

        try
        {
            if (LibC.Fsync(fd) != 0)
            {
                throw LibC.Error("fsync", directory);
            }
        }
        finally
        {
            _ = LibC.Close(fd);
        }
    }
}
