using System.Diagnostics;

namespace Sixgill.Testing;

/// <summary>
/// The one way tests wait for something to become true: poll (every 20 ms unless told), and fail naming what
/// never happened once the time is up (a wait never ends quietly with the condition still false).
/// Linked into both test projects.
/// </summary>
internal static class Wait
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    /// <param name="condition">What must become true.</param>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="timeout">How long at most; <see cref="DefaultTimeout"/> when not given.</param>
    /// <param name="poll">The pause between two looks; 20 ms when not given.</param>
    /// <param name="cancellationToken">Ends the wait early.</param>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null, TimeSpan? poll = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), what, timeout, poll, cancellationToken);
    }

    /// <summary>Waits until <paramref name="condition"/>, which has to ask something (run a program in a lab node, say), holds.</summary>
    /// <param name="condition">What must become true; one look may take a while, and the time limit is checked after it.</param>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="timeout">How long at most; <see cref="DefaultTimeout"/> when not given.</param>
    /// <param name="poll">The pause between two looks; 20 ms when not given.</param>
    /// <param name="cancellationToken">Ends the wait early.</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, TimeSpan? poll = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds:0.#} s for {what}");
            }

            await Task.Delay(poll ?? Poll, cancellationToken);
        }
    }

    /// <summary>Waits, blocking the thread, until <paramref name="condition"/> holds.</summary>
    /// <param name="condition">What must become true.</param>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="timeout">How long at most; <see cref="DefaultTimeout"/> when not given.</param>
    public static void Until(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds:0.#} s for {what}");
            }

            Thread.Sleep(Poll);
        }
    }
}
