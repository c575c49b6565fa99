using System.Text;

namespace Sixgill.Host.Processes;

/// <summary>
/// Reads a child's stdout or stderr as it comes, so that the text so far can be taken at any
/// moment: a daemon that forks keeps the pipe open after its parent exits, and waiting for the
/// end of that pipe would hang.
/// </summary>
internal sealed class OutputCollector
{
    private readonly StringBuilder text = new();
    private readonly int limit;
    private readonly Action<string>? onText;
    private readonly Lock gate = new();

    /// <param name="limit">Characters kept; beyond it the oldest half is dropped (long-running daemons).</param>
    /// <param name="onText">Also called with each chunk as it is read (streamed output).</param>
    public OutputCollector(StreamReader reader, int limit = int.MaxValue, Action<string>? onText = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        this.limit = limit;
        this.onText = onText;
        Completion = Task.Run(() => PumpAsync(reader));
    }

    /// <summary>Completes when the pipe reaches its end (every writer closed it).</summary>
    public Task Completion { get; }

    public string Text
    {
        get
        {
            lock (gate)
            {
                return this.text.ToString();
            }
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory())) > 0)
            {
                lock (gate)
                {
                    this.text.Append(buffer, 0, read);
                    if (this.text.Length > this.limit)
                    {
                        this.text.Remove(0, this.text.Length - (this.limit / 2));
                    }
                }

                this.onText?.Invoke(new string(buffer, 0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process object was disposed while a forked child still held the pipe: what was read stays.
        }
    }
}
