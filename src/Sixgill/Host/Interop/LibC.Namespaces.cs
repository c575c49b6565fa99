using System.Runtime.InteropServices;

namespace Sixgill.Host.Interop;

/// <summary>The calls that make a network namespace and pin it to a file (what <c>ip netns add</c> does).</summary>
internal static partial class LibC
{
    public const ulong MountBind = 0x1000;     // MS_BIND
    public const ulong MountRecursive = 0x4000; // MS_REC
    public const ulong MountShared = 0x100000;  // MS_SHARED
    public const int InvalidArgument = 22;      // EINVAL
    public const int Exists = 17;               // EEXIST
    public const int Exclusive = 0x80;          // O_EXCL

    /// <summary>Moves the calling thread (only it, for CLONE_NEWNET) into a new namespace.</summary>
    [LibraryImport(Library, EntryPoint = "unshare", SetLastError = true)]
    public static partial int Unshare(int flags);

    [LibraryImport(Library, EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mount(string source, string target, string? type, ulong flags, nint data);

    [LibraryImport(Library, EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Unmount(string target, int flags);
}
