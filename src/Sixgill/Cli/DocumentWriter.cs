using System.Text;

namespace Sixgill.Cli;

/// <summary>
/// stdout as the commands see it: it remembers whether anything was written, so that a failure in
/// JSON mode gets an error document only when no document went out yet (one document per run).
/// </summary>
internal sealed class DocumentWriter(TextWriter inner) : TextWriter
{
    public bool Written { get; private set; }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        Written = true;
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        Written |= !string.IsNullOrEmpty(value);
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Written |= count > 0;
        inner.Write(buffer, index, count);
    }

    public override Task WriteAsync(string? value)
    {
        Written |= !string.IsNullOrEmpty(value);
        return inner.WriteAsync(value);
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Written |= count > 0;
        return inner.WriteAsync(buffer, index, count);
    }

    public override Task WriteLineAsync(string? value)
    {
        Written = true;
        return inner.WriteLineAsync(value);
    }

    public override void WriteLine(string? value)
    {
        Written = true;
        inner.WriteLine(value);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}
