using System.Runtime.InteropServices;
using Sixgill.Host.Network;

namespace Sixgill.Host.Interop;

/// <summary>The socket calls <see cref="RtNetlink"/> needs (no .NET API opens an AF_NETLINK socket).</summary>
internal static partial class LibC
{
    public const int AddressFamilyNetlink = 16;
    public const int SocketRaw = 3;
    public const int SocketCloseOnExec = 0x80000;
    public const int NetlinkRoute = 0;

    [LibraryImport(Library, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Library, EntryPoint = "send", SetLastError = true)]
    public static unsafe partial nint Send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport(Library, EntryPoint = "recv", SetLastError = true)]
    public static unsafe partial nint Receive(int fd, byte* buffer, nint length, int flags);
}
