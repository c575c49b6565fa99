using System.Text;
using Sixgill.Values;

namespace Sixgill.Host.Processes;

/// <summary>
/// Turns a program's output, which arrives in chunks, into whole lines handed to <paramref name="sink"/>
/// with every bootstrap token masked (a token split over two chunks is still one line here). One per
/// stream of the program, so lines of different streams never mix.
/// </summary>
internal sealed class MaskedLines(Action<string>? sink)
{
    private readonly StringBuilder pending = new();
    private readonly Lock gate = new();

    public void Add(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (sink is null)
        {
            return;
        }

        lock (gate)
        {
            pending.Append(chunk);
            var text = pending.ToString();
            var end = text.LastIndexOf('\n');
            if (end < 0)
            {
                return;
            }

            pending.Remove(0, end + 1);
            Write(text[..end]);
        }
    }

    /// <summary>Writes what is left after the program ended (a last line without a newline).</summary>
    public void Flush()
    {
        if (sink is null)
        {
            return;
        }

        lock (gate)
        {
            if (pending.Length > 0)
            {
                Write(pending.ToString());
                pending.Clear();
            }
        }
    }

    private void Write(string lines)
    {
        foreach (var line in lines.Split('\n'))
        {
            sink!(Secrets.MaskTokensIn(line.TrimEnd('\r')));
        }
    }
}
