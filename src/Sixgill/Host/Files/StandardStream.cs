using System.Runtime.InteropServices;
using Sixgill.Host.Interop;

namespace Sixgill.Host.Files;

/// <summary>
/// stdout or stderr as the bare file descriptor: each write is <c>write(2)</c>, at the descriptor's
/// own offset (so <c>cmd &gt;log 2&gt;&amp;1</c> interleaves instead of overwriting, as FileStream's
/// positioned writes would). Not System.Console's streams: their first write sets up the terminal
/// and switches its keypad mode on (ESC[?1h ESC=), which stays on after Sixgill ends.
/// </summary>
internal sealed class StandardStream(int descriptor) : Stream
{
    public static StandardStream Output => new(1);

    public static StandardStream Error => new(2);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var written = LibC.Write(descriptor, start + done, buffer.Length - done);
                if (written < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == LibC.Interrupted)
                    {
                        continue;
                    }

                    throw new IOException($"cannot write to {(descriptor == 1 ? "stdout" : "stderr")}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
                }

                done += (int)written;
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
