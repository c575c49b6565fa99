using System.Runtime.InteropServices;

namespace Sixgill.Host.Interop;

/// <summary>
/// The few libc calls .NET does not offer: a real <c>flock(2)</c> (released by the kernel when a
/// holder dies), <c>rename(2)</c> with its errno (to see EBUSY on bind-mounted files), fsync of a
/// directory, owner/inode via <c>statx(2)</c>, whose buffer layout is the same on every
/// architecture (unlike <c>struct stat</c>), and <c>pidfd_open(2)</c> with <c>poll(2)</c> to see a
/// process that is not our child end. Source-generated, so NativeAOT-safe.
/// </summary>
internal static partial class LibC
{
    private const string Library = "libc";

    // Flags and errno values from asm-generic, identical on x86-64 and arm64.
    public const int ReadOnly = 0x0;
    public const int ReadWrite = 0x2;
    public const int Create = 0x40;
    public const int CloseOnExec = 0x80000;
    public const int NonBlocking = 0x800;

    public const int LockExclusive = 2;
    public const int LockNonBlocking = 4;

    public const int NoSuchEntry = 2;
    public const int NotADirectory = 20;
    public const int Interrupted = 4;
    public const int WouldBlock = 11;
    public const int Busy = 16;
    public const int NoSuchProcess = 3;

    /// <summary><c>pidfd_open</c>'s number, the same on x86-64 and arm64 (Linux 5.3).</summary>
    public const nint SyscallPidfdOpen = 434;

    /// <summary><c>POLLIN</c>: a pidfd is readable once its process has ended.</summary>
    public const short PollIn = 0x1;

    public const int SignalTerminate = 15;
    public const int SignalKill = 9;

    public const int GetDescriptorFlags = 1;
    public const int CloseOnExecFlag = 1;
    public const int BadDescriptor = 9;
    public const int BrokenPipe = 32;
    public const int NoSpace = 28;

    public const int SignalInterrupt = 2;

    public const int CurrentDirectory = -100;
    public const int NoFollowSymlink = 0x100;
    public const int EmptyPath = 0x1000;
    public const uint BasicStats = 0x7ff;

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, uint mode);

    [LibraryImport(Library, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command);

    [LibraryImport(Library, EntryPoint = "getpid")]
    public static partial int GetPid();

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int fd, int operation);

    [LibraryImport(Library, EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport(Library, EntryPoint = "fdatasync", SetLastError = true)]
    public static partial int Fdatasync(int fd);

    [LibraryImport(Library, EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int Ftruncate(int fd, long length);

    [LibraryImport(Library, EntryPoint = "fchown", SetLastError = true)]
    public static partial int Fchown(int fd, uint owner, uint group);

    [LibraryImport(Library, EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Lchown(string path, uint owner, uint group);

    [LibraryImport(Library, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    /// <summary><c>syscall(number, a, b)</c>: for calls older C libraries have no wrapper for (<c>pidfd_open</c> came in glibc 2.36).</summary>
    [LibraryImport(Library, EntryPoint = "syscall", SetLastError = true)]
    public static partial nint Syscall(nint number, nint first, nint second);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(ref PollDescriptor descriptor, nuint count, int timeoutMilliseconds);

    [LibraryImport(Library, EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Rename(string from, string to);

    [LibraryImport(Library, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int directoryFd, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary><c>struct pollfd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    /// <summary>The fields of <c>struct statx</c> Sixgill reads; the kernel fills all 256 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    public struct StatxBuffer
    {
        [FieldOffset(20)]
        public uint Uid;

        [FieldOffset(24)]
        public uint Gid;

        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(112)]
        public long ModifiedSeconds;

        [FieldOffset(120)]
        public uint ModifiedNanoseconds;
    }

    /// <summary>An IOException naming the call, the path and the errno text.</summary>
    public static IOException Error(string call, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} {path}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno);
    }
}
