using System.Runtime.InteropServices;

namespace Sixgill.Host.Network;

/// <summary>
/// The kernel refused an rtnetlink request: its errno (<see cref="Errno"/>; also the HResult) and,
/// where it said more, its own words (<see cref="KernelText"/>, such as <c>Nexthop has invalid gateway</c>).
/// </summary>
internal sealed class NetlinkRefusal : IOException
{
    public const int NotPermitted = 1;  // EPERM
    public const int NoSuchEntry = 3;   // ESRCH: no such route
    public const int Exists = 17;       // EEXIST
    public const int NoDevice = 19;     // ENODEV

    public NetlinkRefusal(ushort request, int errno, string? kernelText)
        : base($"rtnetlink request {request}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno)
    {
        Errno = errno;
        KernelText = kernelText;
    }

    public int Errno { get; }

    public string? KernelText { get; }

    /// <summary>What <c>ip</c> prints for the same refusal: <c>RTNETLINK answers: File exists</c>, or the kernel's text.</summary>
    public string AsIpWouldSay() => KernelText is { Length: > 0 } text
        ? $"Error: {text}{(text.EndsWith('.') ? "" : ".")} (RTNETLINK answers: {Marshal.GetPInvokeErrorMessage(Errno)})"
        : $"RTNETLINK answers: {Marshal.GetPInvokeErrorMessage(Errno)}";
}
