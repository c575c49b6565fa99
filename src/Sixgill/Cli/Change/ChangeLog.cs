using System.Diagnostics;
using System.Globalization;
using Sixgill.Engine;

namespace Sixgill.Cli.Change;

/// <summary>
/// The stderr side of a change command: warnings always, progress with <c>-v</c>, every program run,
/// journal save and phase time with <c>-vv</c>. Plain lines (fit for pipes and CI); masked.
/// </summary>
internal sealed class ChangeLog(Invocation invocation)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lap;

    public OutputMask Mask { get; set; } = OutputMask.None;

    public bool Tracing => invocation.Verbosity >= 2;

    public void Warn(string message) => Write($"sixgill: warning: {message}");

    public void Progress(ExecutionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (invocation.Verbosity >= 1)
        {
            var verb = e.Kind switch
            {
                ExecutionEventKind.Applying => "applying",
                ExecutionEventKind.Applied => "applied",
                ExecutionEventKind.Failed => "failed",
                ExecutionEventKind.Reverting => "undoing",
                _ => "undone",
            };
            Write($"  {verb}: {e.Description}" + (e.Detail is null ? "" : $" ({e.Detail})"));
        }
    }

    public void Trace(string message)
    {
        if (Tracing)
        {
            Write($"  {message}");
        }
    }

    /// <summary>With <c>-vv</c>: how long the phase since the last one took (where the time of a run goes).</summary>
    public void Phase(string name)
    {
        if (Tracing)
        {
            var now = clock.Elapsed;
            Write(string.Create(CultureInfo.InvariantCulture, $"  time: {name} {(now - lap).TotalMilliseconds:0.0} ms"));
            lap = now;
        }
    }

    private void Write(string line) => invocation.Error.WriteLine(Mask.Apply(line));
}
