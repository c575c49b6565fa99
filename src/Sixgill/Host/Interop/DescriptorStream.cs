namespace Sixgill.Host.Interop;

/// <summary>
/// An inherited descriptor (stdout, stderr) written with <c>write(2)</c>, which moves the offset it
/// shares with the shell and every other process writing there. A <see cref="FileStream"/> on a
/// regular file writes with <c>pwrite</c> at a position of its own instead: in
/// <c>{ echo a; sixgill version; echo b; } &gt; log</c> the shell's next line would overwrite Sixgill's.
/// A failure is an <see cref="IOException"/> whose HResult is the errno (EPIPE, ENOSPC, EBADF).
/// </summary>
internal sealed class DescriptorStream(int descriptor, string name) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var written = LibC.Write(descriptor, buffer, (nuint)buffer.Length);
            if (written < 0)
            {
                var error = LibC.Error("write", name);
                if (error.HResult == LibC.Interrupted)
                {
                    continue;
                }

                throw error;
            }

            buffer = buffer[(int)written..];
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
