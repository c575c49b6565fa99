using System.Text;

namespace Sixgill.Host.Processes;

/// <summary>
/// Reads a child's stdout or stderr as it comes, so that the text so far can be taken at any
/// moment: a daemon that forks keeps the pipe open after its parent exits, and waiting for the
/// end of that pipe would hang.
/// </summary>
internal sealed class OutputCollector
{
    private readonly StringBuilder _text = new();
    private readonly int _limit;
    private readonly Action<string>? _onText;
    private readonly Lock _gate = new();

    /// <param name="limit">Characters kept; beyond it the oldest half is dropped (long-running daemons).</param>
    /// <param name="onText">Also called with each chunk as it is read (streamed output).</param>
    public OutputCollector(StreamReader reader, int limit = int.MaxValue, Action<string>? onText = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _limit = limit;
        _onText = onText;
        Completion = Task.Run(() => PumpAsync(reader));
    }

    /// <summary>Completes when the pipe reaches its end (every writer closed it).</summary>
    public Task Completion { get; }

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
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
                lock (_gate)
                {
                    _text.Append(buffer, 0, read);
                    if (_text.Length > _limit)
                    {
                        _text.Remove(0, _text.Length - (_limit / 2));
                    }
                }

                _onText?.Invoke(new string(buffer, 0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process object was disposed while a forked child still held the pipe: what was read stays.
        }
    }
}
