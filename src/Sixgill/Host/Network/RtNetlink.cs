using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Sixgill.Host.Interop;

namespace Sixgill.Host.Network;

/// <summary>
/// Asks the kernel for its links, addresses and routes over an rtnetlink socket: what <c>ip -j … show</c>
/// prints, without starting a process (about 0.05 ms instead of 1.5–2.5 ms a read). Reads only; the
/// changes still go through <c>ip</c>, whose messages name what failed. One dump per call.
/// </summary>
internal sealed class RtNetlink : IDisposable
{
    public const ushort GetLink = 18;
    public const ushort GetAddress = 22;
    public const ushort GetRoute = 26;

    private const ushort Done = 3;
    private const ushort Error = 2;
    private const ushort Request = 0x1;
    private const ushort Dump = 0x300;
    private const int HeaderSize = 16;

    private readonly int fd;
    private uint sequence;

    private RtNetlink(int fd) => this.fd = fd;

    /// <summary>A socket in this process's network namespace; null where the kernel refuses one.</summary>
    public static RtNetlink? TryOpen()
    {
        var fd = LibC.Socket(LibC.AddressFamilyNetlink, LibC.SocketRaw | LibC.SocketCloseOnExec, LibC.NetlinkRoute);
        return fd < 0 ? null : new RtNetlink(fd);
    }

    /// <summary>Every message of a dump of <paramref name="type"/>, its payload starting with <paramref name="header"/> (ifinfomsg, ifaddrmsg, rtmsg).</summary>
    public IReadOnlyList<byte[]> DumpAll(ushort type, ReadOnlySpan<byte> header)
    {
        var seq = ++sequence;
        var request = new byte[HeaderSize + header.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(request, (uint)request.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(6), Request | Dump);
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(8), seq);
        header.CopyTo(request.AsSpan(HeaderSize));
        SendAll(request);

        var messages = new List<byte[]>();
        var buffer = new byte[1 << 16];
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
                        throw new IOException($"rtnetlink dump {type}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno);
                    }

                    messages.Add(buffer.AsSpan(offset + HeaderSize, size - HeaderSize).ToArray());
                }

                offset += (size + 3) & ~3;
            }
        }
    }

    public void Dispose() => _ = LibC.Close(fd);

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
