using System.Collections.Concurrent;
using Sixgill.Fleet;
using Sixgill.Machine;

namespace Sixgill.Tests.Fleet;

public sealed class FleetRunTests
{
    /// <summary>A transport that records starts and ends, and fails the nodes it is told to.</summary>
    private sealed class FakeTransport(params string[] failing) : INodeTransport
    {
        public ConcurrentQueue<string> Events { get; } = new();

        public string ConfigPath => "/tmp/sixgill-lab-x/config.yaml";

        public async Task<ProcessResult> RunSixgillAsync(string node, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
        {
            Events.Enqueue("start " + node);
            await Task.Delay(20, cancellationToken);
            Events.Enqueue("end " + node);
            var code = failing.Contains(node) ? 1 : 0;
            return new ProcessResult(["sixgill", .. arguments], code, "out " + node, code == 0 ? "" : "broken on " + node, TimeSpan.Zero);
        }
    }

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
}
