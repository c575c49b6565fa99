using System.Runtime.InteropServices;

namespace Sixgill.Host.Interop;

/// <summary>
/// <c>posix_spawnp(3)</c> and what it needs: the one way to start a daemon that outlives this
/// process with its output in a file and in a session of its own, which <see cref="System.Diagnostics.Process"/>
/// cannot do (it only redirects into pipes, which die with the parent).
/// </summary>
internal static partial class LibC
{
    // glibc's values, the same on x86-64 and arm64.
    public const short SpawnSetSignalDefault = 0x04;
    public const short SpawnSetSignalMask = 0x08;
    public const short SpawnSetSession = 0x80;

    public const int WriteOnly = 0x1;
    public const int Append = 0x400;

    public const int SignalPipe = 13;

    /// <summary>Big enough for glibc's <c>posix_spawn_file_actions_t</c> (80 bytes), <c>posix_spawnattr_t</c> (336) and <c>sigset_t</c> (128).</summary>
    public const int OpaqueSize = 1024;

    [LibraryImport(Library, EntryPoint = "posix_spawnp", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PosixSpawnp(out int pid, string file, IntPtr fileActions, IntPtr attributes, IntPtr argv, IntPtr envp);

    [LibraryImport(Library, EntryPoint = "posix_spawn_file_actions_init")]
    public static partial int FileActionsInit(IntPtr fileActions);

    [LibraryImport(Library, EntryPoint = "posix_spawn_file_actions_destroy")]
    public static partial int FileActionsDestroy(IntPtr fileActions);

    [LibraryImport(Library, EntryPoint = "posix_spawn_file_actions_addopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int FileActionsAddOpen(IntPtr fileActions, int fd, string path, int flags, uint mode);

    [LibraryImport(Library, EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static partial int FileActionsAddDup2(IntPtr fileActions, int fd, int newFd);

    [LibraryImport(Library, EntryPoint = "posix_spawnattr_init")]
    public static partial int SpawnAttributesInit(IntPtr attributes);

    [LibraryImport(Library, EntryPoint = "posix_spawnattr_destroy")]
    public static partial int SpawnAttributesDestroy(IntPtr attributes);

    [LibraryImport(Library, EntryPoint = "posix_spawnattr_setflags")]
    public static partial int SpawnAttributesSetFlags(IntPtr attributes, short flags);

    [LibraryImport(Library, EntryPoint = "posix_spawnattr_setsigmask")]
    public static partial int SpawnAttributesSetSignalMask(IntPtr attributes, IntPtr signals);

    [LibraryImport(Library, EntryPoint = "posix_spawnattr_setsigdefault")]
    public static partial int SpawnAttributesSetSignalDefault(IntPtr attributes, IntPtr signals);

    public const int NoHang = 1;

    [LibraryImport(Library, EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, out int status, int options);

    [LibraryImport(Library, EntryPoint = "sigemptyset")]
    public static partial int SignalSetEmpty(IntPtr signals);

    [LibraryImport(Library, EntryPoint = "sigaddset")]
    public static partial int SignalSetAdd(IntPtr signals, int signal);
}
