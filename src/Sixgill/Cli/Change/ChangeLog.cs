using System.Diagnostics;
using System.Globalization;
using Sixgill.Config;
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
    private TimeSpan stepStart;

    public OutputMask Mask { get; set; } = OutputMask.None;

    public bool Tracing => invocation.Verbosity >= 2;

    public void Warn(string message) => Write($"sixgill: warning: {message}");

    /// <summary>With <c>-v</c> a line per event; with <c>-vv</c> each finished step also says how long it took (its journal save, programs and file writes).</summary>
    public void Progress(ExecutionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind is ExecutionEventKind.Applying or ExecutionEventKind.Reverting)
        {
            stepStart = clock.Elapsed;
        }

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
            var took = Tracing && e.Kind is not (ExecutionEventKind.Applying or ExecutionEventKind.Reverting)
                ? string.Create(CultureInfo.InvariantCulture, $" in {(clock.Elapsed - stepStart).TotalMilliseconds:0.0} ms")
                : "";
            Write($"  {verb}: {e.Description}" + (e.Detail is null ? "" : $" ({e.Detail})") + took);
        }
    }

    /// <summary>A line of a program's own output a person follows as it runs (kubeadm's), always, masked.</summary>
    public void Program(string line) => Write(line);

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

    private void Write(string line) => invocation.Error.WriteLine(Mask.Apply(EchoText.Escape(line)));
}
