using System.Runtime.InteropServices;
using Sixgill.Host.Interop;

namespace Sixgill.Host.Network;

/// <summary>
/// A netlink socket of one protocol (rtnetlink, nfnetlink) in the network namespace of the thread
/// that opens it: sends a datagram of requests and reads the kernel's answer to one of them
/// (<see cref="NetlinkFrames"/>). The socket asks for extended acknowledgements, so a refusal
/// carries the kernel's own words where it has some.
/// </summary>
internal sealed class NetlinkSocket : IDisposable
{
    private const int SolNetlink = 270;
    private const int CapAcknowledge = 10;        // NETLINK_CAP_ACK: errors do not echo the request
    private const int ExtendedAcknowledge = 11;   // NETLINK_EXT_ACK: errors carry the kernel's text

    private readonly int fd;

    // One receive buffer for the socket's life: a fresh 64 KiB array per answer was zeroed every
    // time, and a prepare reads and writes dozens of times (a tenth of a minion's prepare + clean).
    // Not zeroed either: the kernel writes what is read, and only those pages are ever touched.
    private readonly byte[] buffer = GC.AllocateUninitializedArray<byte>(1 << 16);
    private uint sequence;

    private NetlinkSocket(int fd, string protocol)
    {
        this.fd = fd;
        Protocol = protocol;
    }

    /// <summary>The protocol's name, for messages (<c>rtnetlink</c>).</summary>
    public string Protocol { get; }

    /// <summary>
    /// A socket of <paramref name="protocol"/> in the calling thread's network namespace (the kernel
    /// takes the namespace of the thread that makes the socket); null where the kernel refuses one
    /// (no such protocol, a seccomp filter).
    /// </summary>
    public static NetlinkSocket? TryOpen(int protocol, string name)
    {
        var fd = LibC.Socket(LibC.AddressFamilyNetlink, LibC.SocketRaw | LibC.SocketCloseOnExec, protocol);
        if (fd < 0)
        {
            return null;
        }

        // Both are hints: an old kernel without them still answers, only without its text.
        _ = LibC.SetSocketOption(fd, SolNetlink, CapAcknowledge, 1);
        _ = LibC.SetSocketOption(fd, SolNetlink, ExtendedAcknowledge, 1);
        return new NetlinkSocket(fd, name);
    }

    /// <summary>Takes <paramref name="count"/> sequence numbers for the messages of one datagram; returns the first.</summary>
    public uint NextSequences(int count = 1)
    {
        var first = sequence + 1;
        sequence += (uint)count;
        return first;
    }

    /// <summary>Sends <paramref name="datagram"/> (one or more messages) and reads the kernel's answer to <paramref name="exchange"/>; a refusal is thrown.</summary>
    public List<T> Exchange<T>(ReadOnlySpan<byte> datagram, NetlinkExchange exchange, MessageReader<T> read)
    {
        var answers = new List<T>();
        return Exchange(datagram, exchange, read, answers) is { } refusal ? throw refusal : answers;
    }

    /// <summary>Sends <paramref name="datagram"/> and waits for the end of the kernel's answer to <paramref name="exchange"/>: null, or its refusal (returned).</summary>
    public NetlinkRefusal? Exchange(ReadOnlySpan<byte> datagram, NetlinkExchange exchange) =>
        Exchange(datagram, exchange, static _ => 0, []);

    private NetlinkRefusal? Exchange<T>(ReadOnlySpan<byte> datagram, NetlinkExchange exchange, MessageReader<T> read, List<T> answers)
    {
        SendAll(datagram);
        NetlinkRefusal? refusal;
        while (!NetlinkFrames.Read(buffer.AsSpan(0, ReceiveSome()), exchange, Protocol, read, answers, out refusal))
        {
        }

        return refusal;
    }

    public void Dispose() => _ = LibC.Close(fd);

    private unsafe void SendAll(ReadOnlySpan<byte> datagram)
    {
        fixed (byte* p = datagram)
        {
            while (LibC.Send(fd, p, datagram.Length, 0) < 0)
            {
                if (Marshal.GetLastPInvokeError() != LibC.Interrupted)
                {
                    throw LibC.Error("send", Protocol);
                }
            }
        }
    }

    private unsafe int ReceiveSome()
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                var received = LibC.Receive(fd, p, buffer.Length, 0);
                if (received >= 0)
                {
                    return (int)received;
                }

                if (Marshal.GetLastPInvokeError() != LibC.Interrupted)
                {
                    throw LibC.Error("recv", Protocol);
                }
            }
        }
    }
}
