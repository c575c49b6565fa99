namespace Sixgill.Engine;

/// <summary>The run stopped because a signal asked it to (see <see cref="StopRequest"/>).</summary>
internal sealed class StopRequestedException(int signal) : Exception(signal == 2 ? "stopped by SIGINT (Ctrl-C)" : $"stopped by {(signal == 15 ? "SIGTERM" : $"signal {signal}")}")
{
    public int Signal { get; } = signal;
}
