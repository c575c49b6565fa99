using System.Text;

namespace Sixgill.Cli;

/// <summary>
/// stdout or stderr that never throws: the first failed write (a closed descriptor, EPIPE, ENOSPC on
/// <c>/dev/full</c>) is kept in <see cref="Failure"/> and every later write is dropped, so the command
/// runs to its end — a change is journaled whether or not its report could be shown — and
/// <see cref="OutputFailure"/> decides the exit code.
/// </summary>
internal sealed class GuardedWriter(TextWriter inner, string name, bool closed = false) : TextWriter
{
    /// <summary>Why writing failed; null while it works (or nothing was written).</summary>
    public IOException? Failure { get; private set; }

    /// <summary><c>stdout</c> or <c>stderr</c>.</summary>
    public string Name { get; } = name;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Guard(static (writer, c) => writer.Write(c), value);

    public override void Write(string? value) => Guard(static (writer, text) => writer.Write(text), value);

    public override void Write(char[] buffer, int index, int count) =>
        Guard(static (writer, part) => writer.Write(part.Buffer, part.Index, part.Count), (Buffer: buffer, Index: index, Count: count));

    public override void WriteLine(string? value) => Guard(static (writer, text) => writer.WriteLine(text), value);

    public override void Flush()
    {
        if (!closed)
        {
            Guard(static (writer, _) => writer.Flush(), 0);
        }
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
            try
            {
                inner.Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The data it still held is what Flush could not write: already in Failure.
            }
        }

        base.Dispose(disposing);
    }

    private void Guard<T>(Action<TextWriter, T> write, T value)
    {
        if (closed && Failure is null)
        {
            Failure = new IOException($"{Name} is closed", 9 /* EBADF */);
        }

        if (Failure is not null)
        {
            return;
        }

        try
        {
            write(inner, value);
        }
        catch (IOException e)
        {
            Failure = e;
        }
        catch (UnauthorizedAccessException e)
        {
            // What .NET makes of EBADF (a descriptor open for reading only).
            Failure = new IOException(e.InnerException?.Message ?? e.Message, e);
        }
    }
}
