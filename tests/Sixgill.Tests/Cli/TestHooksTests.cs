using Sixgill.Cli.Change;
using Sixgill.Engine;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Tests.Steps;
using Sixgill.Values;

namespace Sixgill.Tests.Cli;

public sealed class TestHooksTests
{
    private static readonly Step[] Steps =
    [
        new EnsureSysctl(SysctlKey.Parse("net.ipv6.conf.all.forwarding"), "1"),
        new EnsureRoute(new KernelRoute(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:20::3"), "eth0")),
    ];

    [Fact]
    public void Without_hooks_the_steps_and_the_journal_are_untouched()
    {
        TestHooks.None.Apply(Steps).ShouldBeSameAs(Steps);
        var store = new JournalFile(new Engine.Fakes.FakeFiles(), "/j.json");
        TestHooks.None.Wrap(store).ShouldBeSameAs(store);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("route:fd00:10::/64")]
    public void The_failing_step_is_chosen_by_position_or_id_and_fails_after_its_change(string which)
    {
        var node = new StepTestNode();
        var steps = new TestHooks(which, null, null).Apply(Steps);

        steps[0].ShouldBe(Steps[0]);
        steps[1].Id.ShouldBe(Steps[1].Id);
        var undo = steps[1].PrepareUndo(node.Context);
        Should.Throw<InvalidOperationException>(() => steps[1].Apply(node.Context, undo)).Message.ShouldContain("SIXGILL_TEST_FAIL_STEP");
        node.Network.RoutesTo(Prefix.Parse("fd00:10::/64")).ShouldNotBeEmpty("the change was made before the failure");
    }
}
