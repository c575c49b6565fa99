using System.Runtime.InteropServices;
using Sixgill.Host.Network;

namespace Sixgill.Host.Interop;

/// <summary>The socket calls <see cref="NetlinkSocket"/> needs (no .NET API opens an AF_NETLINK socket), and setns to open one in another network namespace.</summary>
internal static partial class LibC
{
    public const int AddressFamilyNetlink = 16;
    public const int SocketRaw = 3;
    public const int SocketCloseOnExec = 0x80000;
    public const int NetlinkRoute = 0;      // NETLINK_ROUTE
    public const int NetlinkNetfilter = 12; // NETLINK_NETFILTER (nfnetlink: nftables)

    [LibraryImport(Library, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    public const int NewNetworkNamespace = 0x40000000; // CLONE_NEWNET

    /// <summary>Moves the calling thread (only it) into the namespace <paramref name="fd"/> names.</summary>
    [LibraryImport(Library, EntryPoint = "setns", SetLastError = true)]
    public static partial int Setns(int fd, int type);

    [LibraryImport(Library, EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSocketOption(int fd, int level, int name, in int value, uint length = sizeof(int));

    [LibraryImport(Library, EntryPoint = "send", SetLastError = true)]
    public static unsafe partial nint Send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport(Library, EntryPoint = "recv", SetLastError = true)]
    public static unsafe partial nint Receive(int fd, byte* buffer, nint length, int flags);
}
