namespace Sixgill.Engine;

/// <summary>
/// SIGINT or SIGTERM asked the run to stop. While a change command is <see cref="Arm">armed</see>,
/// the first signal is taken here instead of ending the process: the executor finishes the step it
/// is in, rolls this run back and says so. A second signal, or one outside a change, ends the
/// process as usual (the journal then holds what was done, for <c>clean</c>).
/// </summary>
internal sealed class StopRequest
{
    /// <summary>SIGINT's number (Ctrl-C).</summary>
    public const int Interrupt = 2;

    /// <summary>SIGTERM's number.</summary>
    public const int Terminate = 15;

    private int armed;
    private int signal;

    /// <summary>The signal number that asked to stop (2 or 15); null while none did.</summary>
    public int? Signal => Volatile.Read(ref signal) is var s and not 0 ? s : null;

    public bool Requested => Signal is not null;

    /// <summary>Takes the signal when a change is running and it is the first; false lets it end the process.</summary>
    public bool TryTake(int number) => Volatile.Read(ref armed) > 0 && Interlocked.CompareExchange(ref signal, number, 0) == 0;

    /// <summary>From now until the result is disposed, signals ask this run to stop.</summary>
    public IDisposable Arm()
    {
        Interlocked.Increment(ref armed);
        return new Disarm(this);
    }

    private sealed class Disarm(StopRequest request) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                Interlocked.Decrement(ref request.armed);
            }
        }
    }
}
