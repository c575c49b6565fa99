using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Sixgill.Host.Interop;

namespace Sixgill.Host.Network;

/// <summary>
/// Talks to the kernel over an rtnetlink socket: dumps of its links, addresses and routes (what
/// <c>ip -j … show</c> prints) and single changes with their acknowledgement (what <c>ip … add</c>
/// sends), without starting a process (tens of microseconds instead of 1.5–2.5 ms a call). The
/// socket asks for extended acknowledgements, so a refusal carries the kernel's own words where it
/// has some (<c>Nexthop has invalid gateway</c>), as <c>ip</c> prints them.
/// </summary>
internal sealed class RtNetlink : IDisposable
{
    public const ushort GetLink = 18;
    public const ushort GetAddress = 22;
    public const ushort GetRoute = 26;

    public const ushort NewLink = 16;
    public const ushort DeleteLink = 17;
    public const ushort NewAddress = 20;
    public const ushort DeleteAddress = 21;
    public const ushort NewRoute = 24;
    public const ushort DeleteRoute = 25;

    public const ushort Replace = 0x100;   // NLM_F_REPLACE
    public const ushort Exclusive = 0x200; // NLM_F_EXCL
    public const ushort Create = 0x400;    // NLM_F_CREATE

    private const ushort Done = 3;
    private const ushort Error = 2;
    private const ushort Request = 0x1;
    private const ushort Acknowledge = 0x4;
    private const ushort Dump = 0x300;
    private const ushort AcknowledgeTlvs = 0x200; // NLM_F_ACK_TLVS on an error message
    private const ushort ErrorMessageAttr = 1;    // NLMSGERR_ATTR_MSG
    private const int HeaderSize = 16;
    private const int SolNetlink = 270;
    private const int CapAcknowledge = 10;        // NETLINK_CAP_ACK: errors do not echo the request
    private const int ExtendedAcknowledge = 11;   // NETLINK_EXT_ACK: errors carry the kernel's text

    private readonly int fd;

    // One receive buffer for the socket's life: a fresh 64 KiB array per answer was zeroed every
    // time, and a prepare reads and writes dozens of times (a tenth of a minion's prepare + clean).
    // Not zeroed either: the kernel writes what is read, and only those pages are ever touched.
    private readonly byte[] buffer = GC.AllocateUninitializedArray<byte>(1 << 16);
    private uint sequence;

    private RtNetlink(int fd) => this.fd = fd;

    /// <summary>A socket in this process's network namespace; null where the kernel refuses one.</summary>
    public static RtNetlink? TryOpen()
    {
        var fd = LibC.Socket(LibC.AddressFamilyNetlink, LibC.SocketRaw | LibC.SocketCloseOnExec, LibC.NetlinkRoute);
        if (fd < 0)
        {
            return null;
        }

        // Both are hints: an old kernel without them still answers, only without its text.
        _ = LibC.SetSocketOption(fd, SolNetlink, CapAcknowledge, 1);
        _ = LibC.SetSocketOption(fd, SolNetlink, ExtendedAcknowledge, 1);
        return new RtNetlink(fd);
    }

    /// <summary>
    /// A socket in the network namespace that <paramref name="namespacePath"/> names
    /// (<c>/run/netns/NAME</c>), opened from a thread of its own that enters the namespace and leaves
    /// it again; the socket stays bound to that namespace whichever thread uses it.
    /// </summary>
    public static RtNetlink OpenIn(string namespacePath)
    {
        RtNetlink? socket = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                socket = OpenOnThisThread(namespacePath);
            }
            catch (IOException e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        return socket ?? throw (failure ?? new IOException($"no rtnetlink socket in {namespacePath}"));
    }

    private static RtNetlink OpenOnThisThread(string namespacePath)
    {
        var home = LibC.Open("/proc/thread-self/ns/net", LibC.ReadOnly | LibC.CloseOnExec, 0);
        if (home < 0)
        {
            throw LibC.Error("open", "/proc/thread-self/ns/net");
        }

        var target = LibC.Open(namespacePath, LibC.ReadOnly | LibC.CloseOnExec, 0);
        try
        {
            if (target < 0)
            {
                throw LibC.Error("open", namespacePath);
            }

            if (LibC.Setns(target, LibC.NewNetworkNamespace) != 0)
            {
                throw LibC.Error("setns", namespacePath);
            }

            try
            {
                return TryOpen() ?? throw LibC.Error("socket", $"rtnetlink in {namespacePath}");
            }
            finally
            {
                // Back home, so the thread is as it was if anything reuses it; a failure here is fatal.
                if (LibC.Setns(home, LibC.NewNetworkNamespace) != 0)
                {
                    Environment.FailFast($"cannot return a thread to its network namespace after opening a socket in {namespacePath}");
                }
            }
        }
        finally
        {
            _ = LibC.Close(target);
            _ = LibC.Close(home);
        }
    }

    /// <summary>
    /// Sends one request (a change, or a get of one object) and waits for the kernel's answer: the
    /// reply messages, or the refusal as a <see cref="NetlinkRefusal"/>.
    /// </summary>
    public IReadOnlyList<byte[]> Ask(ushort type, ushort flags, ReadOnlySpan<byte> payload)
    {
        var seq = Send(type, (ushort)(Request | Acknowledge | flags), payload);
        return Receive(seq, type, static message => message.ToArray());
    }

    /// <summary>
    /// Every message of a dump of <paramref name="type"/>, its payload starting with <paramref name="header"/>
    /// (ifinfomsg, ifaddrmsg, rtmsg), each read by <paramref name="read"/> where it lies in the receive
    /// buffer: a dump of links is kilobytes, and a prepare asks for one a dozen times.
    /// </summary>
    public List<T> DumpAll<T>(ushort type, ReadOnlySpan<byte> header, MessageReader<T> read) =>
        Receive(Send(type, Request | Dump, header), type, read);

    public void Dispose() => _ = LibC.Close(fd);

    private uint Send(ushort type, ushort flags, ReadOnlySpan<byte> payload)
    {
        var seq = ++sequence;
        var request = new byte[HeaderSize + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(request, (uint)request.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(6), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(8), seq);
        payload.CopyTo(request.AsSpan(HeaderSize));
        SendAll(request);
        return seq;
    }

    /// <summary>The messages answering <paramref name="seq"/> up to its end: done, or an error (0: the acknowledgement).</summary>
    private List<T> Receive<T>(uint seq, ushort type, MessageReader<T> read)
    {
        var messages = new List<T>();
        while (true)
        {
            var length = ReceiveSome(buffer);
            for (var offset = 0; offset + HeaderSize <= length;)
            {
                var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset));
                var kind = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset + 4));
                if (size < HeaderSize || offset + size > length)
                {
                    throw new IOException($"rtnetlink: a message of {size} bytes at {offset} does not fit the {length} received");
                }

                if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 8)) == seq)
                {
                    if (kind == Done)
                    {
                        return messages;
                    }

                    if (kind == Error)
                    {
                        var errno = -BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(offset + HeaderSize));
                        if (errno == 0)
                        {
                            return messages;
                        }

                        var flags = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset + 6));
                        throw new NetlinkRefusal(type, errno, (flags & AcknowledgeTlvs) != 0 ? KernelText(buffer.AsSpan(offset, size)) : null);
                    }

                    messages.Add(read(buffer.AsSpan(offset + HeaderSize, size - HeaderSize)));
                }

                offset += (size + 3) & ~3;
            }
        }
    }

    /// <summary>The kernel's text in an extended acknowledgement: after the header, the errno and the echoed request header.</summary>
    private static string? KernelText(ReadOnlySpan<byte> error)
    {
        for (var offset = HeaderSize + 4 + HeaderSize; offset + 4 <= error.Length;)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(error[offset..]);
            var kind = BinaryPrimitives.ReadUInt16LittleEndian(error[(offset + 2)..]);
            if (length < 4 || offset + length > error.Length)
            {
                return null;
            }

            if (kind == ErrorMessageAttr)
            {
                return Encoding.UTF8.GetString(error.Slice(offset + 4, length - 4)).TrimEnd('\0');
            }

            offset += (length + 3) & ~3;
        }

        return null;
    }

    private unsafe void SendAll(byte[] request)
    {
        fixed (byte* p = request)
        {
            while (LibC.Send(fd, p, request.Length, 0) < 0)
            {
                if (Marshal.GetLastPInvokeError() != LibC.Interrupted)
                {
                    throw LibC.Error("send", "rtnetlink");
                }
            }
        }
    }

    private unsafe int ReceiveSome(byte[] buffer)
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
                    throw LibC.Error("recv", "rtnetlink");
                }
            }
        }
    }
}

/// <summary>Reads one rtnetlink message (after its <c>nlmsghdr</c>); the bytes are valid only during the call.</summary>
internal delegate T MessageReader<out T>(ReadOnlySpan<byte> message);
