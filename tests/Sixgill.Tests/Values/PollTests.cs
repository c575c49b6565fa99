using System.Diagnostics;
using Sixgill.Values;

namespace Sixgill.Tests.Values;

public sealed class PollTests
{
    [Fact]
    public void What_already_holds_is_not_waited_for()
    {
        var pauses = new List<TimeSpan>();
        Poll.Until(() => true, TimeSpan.FromSeconds(1), () => TimeSpan.Zero, pauses.Add).ShouldBeTrue();
        pauses.ShouldBeEmpty();
    }

    [Fact]
    public void It_looks_after_1_ms_then_twice_as_long_up_to_5_ms_and_stops_as_soon_as_it_holds()
    {
        var (pauses, looks) = (new List<TimeSpan>(), 0);
        var elapsed = TimeSpan.Zero;

        Poll.Until(() => ++looks == 5, TimeSpan.FromSeconds(1), () => elapsed, p => { pauses.Add(p); elapsed += p; }).ShouldBeTrue();

        looks.ShouldBe(5);
        pauses.Select(p => p.TotalMilliseconds).ShouldBe([1, 2, 4, 5]);
    }

    [Fact]
    public void Pauses_grow_to_5_ms_at_most_and_it_gives_up_after_the_timeout_with_one_last_look()
    {
        var (pauses, looks) = (new List<TimeSpan>(), 0);
        var elapsed = TimeSpan.Zero;

        Poll.Until(() => { looks++; return false; }, TimeSpan.FromMilliseconds(20), () => elapsed, p => { pauses.Add(p); elapsed += p; }).ShouldBeFalse();

        pauses.Select(p => p.TotalMilliseconds).ShouldBe([1, 2, 4, 5, 5, 5]);
        elapsed.TotalMilliseconds.ShouldBe(22); // the first look past 20 ms is the last
        looks.ShouldBe(pauses.Count + 1);
    }

    [Fact]
    public void A_failing_look_ends_the_wait()
    {
        Should.Throw<InvalidOperationException>(() => Poll.Until(() => throw new InvalidOperationException("gone"), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void On_the_real_clock_a_quick_condition_is_seen_within_milliseconds_and_a_false_one_ends_at_the_timeout()
    {
        var clock = Stopwatch.StartNew();
        var ready = clock.Elapsed + TimeSpan.FromMilliseconds(5);
        Poll.Until(() => clock.Elapsed >= ready, TimeSpan.FromSeconds(5)).ShouldBeTrue();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(100)); // looks at 0, 1, 3, 7 ms: seen by about 7 ms (the rest is slack for a loaded machine)

        clock.Restart();
        Poll.Until(() => false, TimeSpan.FromMilliseconds(150)).ShouldBeFalse();
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(150));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }
}
