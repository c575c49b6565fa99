using System.Runtime.InteropServices;

namespace Sixgill.Host.Network;

/// <summary>
/// The kernel refused a netlink request: its errno (<see cref="Errno"/>; also the HResult), the
/// type of the message it refused (<see cref="Request"/>) and, where it said more, its own words
/// (<see cref="KernelText"/>, such as <c>Nexthop has invalid gateway</c>).
/// </summary>
internal sealed class NetlinkRefusal : IOException
{
    public const int NotPermitted = 1;  // EPERM
    public const int NoSuchFile = 2;    // ENOENT: nftables' "no such table"
    public const int NoSuchEntry = 3;   // ESRCH: no such route
    public const int Exists = 17;       // EEXIST
    public const int NoDevice = 19;     // ENODEV
    public const int NotSupported = 95; // EOPNOTSUPP

    /// <param name="protocol">The netlink protocol's name (<c>rtnetlink</c>, <c>nfnetlink</c>).</param>
    /// <param name="request">The type of the message refused.</param>
    /// <param name="errno">The kernel's errno.</param>
    /// <param name="kernelText">The kernel's own words, where it gave some.</param>
    public NetlinkRefusal(string protocol, ushort request, int errno, string? kernelText)
        : base($"{protocol} request {request}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno)
    {
        Request = request;
        Errno = errno;
        KernelText = kernelText;
    }

    public ushort Request { get; }

    public int Errno { get; }

    public string? KernelText { get; }

    /// <summary>What <c>ip</c> prints for the same refusal: <c>RTNETLINK answers: File exists</c>, or the kernel's text.</summary>
    public string AsIpWouldSay() => KernelText is { Length: > 0 } text
        ? $"Error: {text}{(text.EndsWith('.') ? "" : ".")} (RTNETLINK answers: {Marshal.GetPInvokeErrorMessage(Errno)})"
        : $"RTNETLINK answers: {Marshal.GetPInvokeErrorMessage(Errno)}";

    /// <summary>
    /// What <c>nft</c> prints for the same refusal, with the errno: <c>Error: Could not process rule:
    /// Device or resource busy (errno 16)</c>, and the kernel's text where it gave some.
    /// </summary>
    public string AsNftWouldSay() =>
        $"Error: Could not process rule: {Marshal.GetPInvokeErrorMessage(Errno)} (errno {Errno}" + (KernelText is { Length: > 0 } text ? $"; the kernel: {text})" : ")");
}
