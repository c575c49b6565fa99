using System.Diagnostics;
using System.Globalization;
using Sixgill.Machine;

namespace Sixgill.Cli;

/// <summary>How <see cref="ProgressLine"/> shows long work.</summary>
internal enum ProgressMode
{
    /// <summary>Nothing (<c>--quiet</c>).</summary>
    Silent,

    /// <summary>A start line and a final line (a pipe, a log, <c>--output json</c>).</summary>
    Plain,

    /// <summary>One line redrawn in place with the time it has been going, then the final line (a terminal).</summary>
    Live,
}

/// <summary>
/// Progress of long work on stderr (docs/commands.md, "Progress"): on a terminal one live line,
/// <c>  building image … 12 s</c>, redrawn each second with carriage return and erase-line (no other
/// escape, no colour, nothing switched on), and replaced by the final line; in a pipe, a log or with
/// <c>--output json</c> a start line and a final line; with <c>--quiet</c> nothing.
/// </summary>
internal sealed class ProgressLine : IWorkProgress
{
    /// <summary>Carriage return, then erase to the end of the line: the only control sequence written.</summary>
    public const string Redraw = "\r\u001b[K";

    private readonly TextWriter error;
    private readonly ProgressMode mode;
    private readonly int width;
    private readonly TimeSpan tick;
    private readonly Lock gate = new();

    /// <param name="width">The terminal's columns: a live line is cut to one less, so it never wraps.</param>
    /// <param name="tick">How often the live line is redrawn.</param>
    public ProgressLine(TextWriter error, ProgressMode mode, int width = 80, TimeSpan? tick = null)
    {
        this.error = error;
        this.mode = mode;
        this.width = Math.Max(20, width);
        this.tick = tick ?? TimeSpan.FromSeconds(1);
    }

    /// <summary>The progress of a command: silent with <c>--quiet</c>, live on a terminal unless <c>--output json</c>, plain otherwise.</summary>
    public static ProgressLine For(Invocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var mode = invocation.Quiet ? ProgressMode.Silent
            : !invocation.Json && IsTerminal(invocation.Error) ? ProgressMode.Live
            : ProgressMode.Plain;
        return new ProgressLine(invocation.Error, mode, Columns());
    }

    /// <summary>
    /// Whether <paramref name="error"/> is this process's stderr and that is a terminal that can erase
    /// a line (<c>TERM</c> not <c>dumb</c>). Asks only isatty: nothing that sets the terminal up.
    /// </summary>
    public static bool IsTerminal(TextWriter error) =>
        (ReferenceEquals(error, Console.Error) || error is GuardedWriter) && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("TERM") != "dumb";

    public async Task<T> RunAsync<T>(string doing, Func<Task<T>> work, Func<T, string> done)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(done);
        if (this.mode == ProgressMode.Silent)
        {
            return await work();
        }

        var clock = Stopwatch.StartNew();
        Show($"  {doing} …", final: this.mode == ProgressMode.Plain);
        using var stop = new CancellationTokenSource();
        var redraw = this.mode == ProgressMode.Live ? RedrawAsync(doing, clock, stop.Token) : Task.CompletedTask;
        var final = $"{doing}: failed";
        try
        {
            var result = await work();
            final = done(result);
            return result;
        }
        catch (OperationCanceledException)
        {
            final = $"{doing}: stopped";
            throw;
        }
        finally
        {
            await stop.CancelAsync();
            await redraw;
            Show(string.Create(CultureInfo.InvariantCulture, $"  {final} ({clock.Elapsed.TotalSeconds:0.0} s)"), final: true);
        }
    }

    private async Task RedrawAsync(string doing, Stopwatch clock, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                await Task.Delay(this.tick, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Show(string.Create(CultureInfo.InvariantCulture, $"  {doing} … {(int)clock.Elapsed.TotalSeconds} s"), final: false);
        }
    }

    /// <summary>Live: the line in place of the last (ended by a newline when final). Plain: final lines only, each a line.</summary>
    private void Show(string line, bool final)
    {
        lock (this.gate)
        {
            if (this.mode == ProgressMode.Live)
            {
                this.error.Write(Redraw + (line.Length < this.width ? line : line[..(this.width - 2)] + "…") + (final ? "\n" : ""));
                this.error.Flush();
            }
            else if (final)
            {
                this.error.WriteLine(line);
            }
        }
    }

    /// <summary>
    /// The terminal's width: <c>COLUMNS</c> when set, else 80. Never Console.WindowWidth: it opens
    /// Console.Out, which sets the terminal up and switches its keypad mode on.
    /// </summary>
    public static int Columns() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns >= 20 ? columns : 80;
}
