using Sixgill.Machine;
using Sixgill.Steps;

namespace Sixgill.Tests.Steps;

public sealed class EnsureSysctlTests
{
    private static readonly EnsureSysctl Forwarding = new(SysctlKey.Parse("net.ipv6.conf.all.forwarding"), "1");

    [Fact]
    public void Undo_restores_the_value_before()
    {
        var node = new StepTestNode();
        Forwarding.Probe(node.Context).ShouldBe(ProbeResult.Different("now 0"));

        var undo = node.Apply(Forwarding);
        node.Sysctl.Read(Forwarding.Key).ShouldBe("1");
        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.Reverted);

        node.Sysctl.Read(Forwarding.Key).ShouldBe("0");
    }

    [Fact]
    public void A_value_someone_changed_since_is_left_alone()
    {
        var node = new StepTestNode();
        node.Sysctl.With("net.ipv6.conf.all.forwarding", "0");
        var undo = node.Apply(Forwarding);
        node.Sysctl.With("net.ipv6.conf.all.forwarding", "2");

        var outcome = undo.Revert(node.Context);

        outcome.ShouldBe(UndoOutcome.LeftAlone("net.ipv6.conf.all.forwarding changed since to 2"));
        node.Sysctl.Read(Forwarding.Key).ShouldBe("2");
    }

    [Fact]
    public void Values_compare_by_words_not_whitespace()
    {
        var node = new StepTestNode();
        node.Sysctl.With("net.ipv4.ip_local_port_range", "32768\t60999");

        new EnsureSysctl(SysctlKey.Parse("net.ipv4.ip_local_port_range"), "32768 60999").Probe(node.Context).ShouldBe(ProbeResult.Present);
    }

    [Theory]
    [InlineData("vm.swappiness")]
    [InlineData("kernel.hostname")]
    [InlineData("net")]
    [InlineData("net.")]
    [InlineData("net.ipv4..ip_forward")]
    [InlineData("net.ipv4.conf.eth0/../../../vm.swappiness")]
    [InlineData("netfilter.x")]
    [InlineData("net.//.//.vm.swappiness")]
    [InlineData("net.ipv4./")]
    [InlineData("net.ipv4.ip forward")]
    public void Only_net_sysctls_can_be_named_at_all(string name)
    {
        SysctlKey.TryParse(name, out _, out var why).ShouldBeFalse();
        why.ShouldNotBeEmpty();
        Should.Throw<ArgumentException>(() => SysctlKey.Parse(name));
    }

    [Fact]
    public void A_hand_edited_journal_cannot_reach_beyond_net()
    {
        var node = new StepTestNode();

        Should.Throw<ArgumentException>(() => new RevertSysctl("kernel.panic", "0", "1").Revert(node.Context));
    }

    [Theory]
    [InlineData("net.ipv6.conf.all.forwarding", "/proc/sys/net/ipv6/conf/all/forwarding")]
    [InlineData("net.ipv6.conf.eth0/100.forwarding", "/proc/sys/net/ipv6/conf/eth0.100/forwarding")]
    public void Keys_map_to_proc_sys_like_sysctl_does(string name, string path) =>
        SysctlKey.Parse(name).ProcPath.ShouldBe(path);
}
