namespace Sixgill.Machine;

/// <summary>
/// The file system as steps see it. Contents are bytes so that a file Sixgill edits and then
/// restores comes back byte for byte, whatever its encoding.
/// </summary>
internal interface IFiles
{
    /// <summary>Facts about the file at <paramref name="path"/> (through symlinks); null when it does not exist.</summary>
    FileFacts? Stat(string path);

    /// <summary>The content (through symlinks); null when the file does not exist.</summary>
    byte[]? Read(string path);

    /// <summary>
    /// Replaces the content atomically (temp file in the same directory, fsync, rename, fsync of the
    /// directory). An existing file keeps its owner and, unless <paramref name="mode"/> is given, its
    /// mode; a new one gets <paramref name="mode"/> or 0644. A symlink is written through to its
    /// target, never replaced. Where rename fails with EBUSY (a bind-mounted file, as containers and
    /// <c>ip netns exec</c> make of <c>/etc/hosts</c>), the file is rewritten in place instead.
    /// </summary>
    void Write(string path, ReadOnlySpan<byte> content, UnixFileMode? mode = null);

    /// <summary>
    /// Appends to the end of an existing file in one write (a log's records). Durable: fdatasync
    /// before returning, so a crash of the machine cannot lose it; otherwise only a kill of the
    /// process cannot. A write that fails (a full file system) leaves the file as it was: the part
    /// written is cut off again.
    /// </summary>
    void Append(string path, ReadOnlySpan<byte> content, bool durable);

    /// <summary>Deletes the file (the target of a symlink, never the link); false when it did not exist.</summary>
    bool Delete(string path);

    bool DirectoryExists(string path);

    /// <summary>The names of the entries directly in the directory, in ordinal order; empty when it does not exist.</summary>
    IReadOnlyList<string> EntryNames(string directory);

    /// <summary>Creates one directory whose parent exists.</summary>
    void CreateDirectory(string path, UnixFileMode mode);

    /// <summary>Deletes the directory if it is empty; false when it is absent or not empty.</summary>
    bool DeleteDirectoryIfEmpty(string path);

    /// <summary>
    /// Deletes the directory and the files directly in it (a daemon's working files). Entries are
    /// unlinked, never followed: a symlink someone planted there goes, not what it points to. False
    /// when the directory is absent or holds a subdirectory (then nothing is deleted).
    /// </summary>
    bool DeleteDirectoryWithFiles(string path);

    /// <summary>Owner and group of the file or directory itself (never through a symlink).</summary>
    void SetOwner(string path, uint uid, uint gid);

    /// <summary>The permission bits of the file or directory (through symlinks, like chmod).</summary>
    void SetMode(string path, UnixFileMode mode);
}
