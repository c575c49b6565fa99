using System.Diagnostics;

namespace Sixgill.Values;

/// <summary>
/// Waiting, bounded, for something on a node to become true (an address usable, a daemon up; a
/// daemon gone only where the kernel refuses a pidfd, which sees the end at once): the first look at once, the next after 1 ms, each later one after twice as long,
/// at most 5 ms apart. What is waited for is mostly there within a few milliseconds, so a fixed
/// pause (20 ms, 100 ms) was most of the wait. Pauses stop growing at 5 ms because a look costs
/// well under a millisecond (a netlink read, a pid file and <c>/proc</c>, one local DNS query)
/// while a longer pause only adds to the wait: named ends 15–20 ms after SIGTERM, seen at 31 ms
/// with pauses up to 100 ms (worse than the fixed 20 ms it replaced), at about 17–22 ms with 5 ms.
/// The one helper every such wait that has nothing to block on uses.
/// </summary>
internal static class Poll
{
    /// <summary>The pause before the second look.</summary>
    public static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(1);

    /// <summary>The longest pause between two looks.</summary>
    public static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Looks until <paramref name="done"/> answers true (then true), or until <paramref name="timeout"/>
    /// has passed (then false, after one last look). An exception from <paramref name="done"/> ends the wait.
    /// </summary>
    /// <param name="done">One look: true once what is waited for holds.</param>
    /// <param name="timeout">How long to keep looking.</param>
    /// <param name="clock">Started when the wait began (e.g. at a daemon's start), or null to start now.</param>
    public static bool Until(Func<bool> done, TimeSpan timeout, Stopwatch? clock = null)
    {
        var started = clock ?? Stopwatch.StartNew();
        return Until(done, timeout, () => started.Elapsed, Thread.Sleep);
    }

    /// <summary><see cref="Until(Func{bool}, TimeSpan, Stopwatch?)"/> with its clock and its pause given (for tests).</summary>
    /// <param name="done">One look: true once what is waited for holds.</param>
    /// <param name="timeout">How long to keep looking.</param>
    /// <param name="elapsed">The time since the wait began.</param>
    /// <param name="pause">Pauses between two looks.</param>
    public static bool Until(Func<bool> done, TimeSpan timeout, Func<TimeSpan> elapsed, Action<TimeSpan> pause)
    {
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(elapsed);
        ArgumentNullException.ThrowIfNull(pause);
        var next = FirstPause;
        while (!done())
        {
            if (elapsed() > timeout)
            {
                return false;
            }

            pause(next);
            next = next * 2 < LongestPause ? next * 2 : LongestPause;
        }

        return true;
    }
}
