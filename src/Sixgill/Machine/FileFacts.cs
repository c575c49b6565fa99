namespace Sixgill.Machine;

/// <summary>
/// What Sixgill needs to know about an existing file to change it without surprising anyone.
/// </summary>
/// <param name="Path">The path asked about.</param>
/// <param name="RealPath">Where the bytes live: <paramref name="Path"/>, or the final target of its symlinks.</param>
/// <param name="IsSymlink">Whether <paramref name="Path"/> itself is a symlink (which must never be replaced).</param>
/// <param name="Modified">When the content last changed (mtime), to tell whether a daemon started before or after its config was written.</param>
internal sealed record FileFacts(string Path, string RealPath, bool IsSymlink, UnixFileMode Mode, uint Uid, uint Gid, DateTimeOffset Modified = default);
