using System.Collections.Concurrent;
using Sixgill.Fleet;
using Sixgill.Machine;

namespace Sixgill.Tests.Fleet;

public sealed class FleetRunTests
{
    [Fact]
    public async Task A_wave_starts_only_when_the_one_before_has_ended()
    {
        var transport = new FakeTransport();
        var runs = await new FleetRun(transport, _ => { }).RunAsync([["gw"], ["w1", "w2"]], node => ["prepare", "--host", node], TestContext.Current.CancellationToken);

        runs.Select(r => r.Node).ShouldBe(["gw", "w1", "w2"]);
        var events = transport.Events.ToList();
        events.IndexOf("end gw").ShouldBeLessThan(events.IndexOf("start w1"));
        events.IndexOf("end gw").ShouldBeLessThan(events.IndexOf("start w2"));
    }

    [Fact]
    public async Task A_node_that_fails_does_not_stop_the_others()
    {
        var finished = new ConcurrentBag<NodeRun>();
        var started = new ConcurrentBag<string>();
        var runs = await new FleetRun(new FakeTransport("gw", "w1"), finished.Add, started.Add)
            .RunAsync([["gw"], ["w1", "w2"]], node => ["prepare"], TestContext.Current.CancellationToken);

        runs.Select(r => (r.Node, r.Succeeded)).ShouldBe([("gw", false), ("w1", false), ("w2", true)]);
        runs[0].StandardError.ShouldBe("broken on gw");
        finished.Count.ShouldBe(3);
        started.Order().ShouldBe(["gw", "w1", "w2"]);
    }

    [Fact]
    public async Task When_the_gateway_fails_the_later_waves_are_not_started()
    {
        var transport = new FakeTransport("gw");
        var runs = await new FleetRun(transport, _ => { })
            .RunAsync(new FleetWaves([["gw"], ["w1", "w2"]], LaterNeedEarlier: true), node => ["prepare"], 4, TestContext.Current.CancellationToken);

        runs.Select(r => (r.Node, r.NotStarted)).ShouldBe([("gw", null), ("w1", "gw failed"), ("w2", "gw failed")]);
        runs.Skip(1).ShouldAllBe(r => !r.Succeeded);
        transport.Events.ShouldNotContain("start w1");
    }

    [Fact]
    public async Task Undo_waves_go_on_after_a_failure()
    {
        var runs = await new FleetRun(new FakeTransport("w1"), _ => { })
            .RunAsync(new FleetWaves([["w1", "w2"], ["gw"]], LaterNeedEarlier: false), node => ["clean"], 4, TestContext.Current.CancellationToken);

        runs.Select(r => (r.Node, r.Succeeded)).ShouldBe([("w1", false), ("w2", true), ("gw", true)]);
    }

    [Fact]
    public async Task At_most_parallel_nodes_run_at_once()
    {
        var transport = new FakeTransport();
        var wave = Enumerable.Range(1, 9).Select(i => $"w{i}").ToArray();
        var runs = await new FleetRun(transport, _ => { }).RunAsync(new FleetWaves([wave], false), node => ["plan"], 3, TestContext.Current.CancellationToken);

        runs.Count.ShouldBe(9);
        transport.Most.ShouldBe(3);
    }

    [Fact]
    public async Task Ctrl_C_lets_running_nodes_end_and_starts_no_more()
    {
        using var interrupt = new CancellationTokenSource();
        var transport = new FakeTransport { WaitsForInterrupt = true };
        var fleet = new FleetRun(transport, _ => { }, node => interrupt.Cancel());
        var runs = await fleet.RunAsync(new FleetWaves([["gw"], ["w1"]], true), node => ["prepare"], 4, interrupt.Token);

        runs.Select(r => (r.Node, r.ExitCode, r.NotStarted)).ShouldBe([("gw", 130, null), ("w1", 1, "interrupted")]);
        transport.Told.ShouldBe(["gw"]);
    }

    /// <summary>
    /// The one fake transport of these tests: records starts and ends, fails the nodes it is told to,
    /// counts how many nodes ran at once, and, with <see cref="WaitsForInterrupt"/>, runs until the
    /// token says stop and then ends as a sixgill run ends on SIGINT (exit 130, after its rollback).
    /// </summary>
    private sealed class FakeTransport(params string[] failing) : INodeTransport
    {
        private int running;

        public ConcurrentQueue<string> Events { get; } = new();

        /// <summary>The nodes told to stop, in order.</summary>
        public ConcurrentQueue<string> Told { get; } = new();

        public int Most { get; private set; }

        public bool WaitsForInterrupt { get; init; }

        public string ConfigPath => "/tmp/sixgill-lab-x/config.yaml";

        public async Task<ProcessResult> RunSixgillAsync(string node, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
        {
            Events.Enqueue("start " + node);
            var now = Interlocked.Increment(ref running);
            lock (Events)
            {
                Most = Math.Max(Most, now);
            }

            try
            {
                if (WaitsForInterrupt)
                {
                    var ended = new TaskCompletionSource();
                    using (cancellationToken.Register(() =>
                    {
                        Told.Enqueue(node);
                        ended.SetResult();
                    }))
                    {
                        await ended.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
                    }

                    return new ProcessResult(["sixgill", .. arguments], 130, "", "interrupted; rolled back", TimeSpan.Zero);
                }

                await Task.Delay(30, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref running);
                Events.Enqueue("end " + node);
            }

            var code = failing.Contains(node) ? 1 : 0;
            return new ProcessResult(["sixgill", .. arguments], code, "out " + node, code == 0 ? "" : "broken on " + node, TimeSpan.Zero);
        }
    }
}
