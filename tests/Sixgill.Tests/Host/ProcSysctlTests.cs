using Sixgill.Host.Network;
using Sixgill.Machine;

namespace Sixgill.Tests.Host;

// Reads only: tests never write a sysctl outside a lab namespace.
public sealed class ProcSysctlTests
{
    [Fact]
    public void Reads_a_net_value_without_its_newline()
    {
        Guard.Require(File.Exists("/proc/sys/net/ipv6/conf/all/forwarding"), "sysctl tests", "a kernel with IPv6");

        new ProcSysctl().Read(SysctlKey.Parse("net.ipv6.conf.all.forwarding")).ShouldBeOneOf("0", "1");
    }

    [Fact]
    public void A_key_this_kernel_does_not_have_is_a_precondition()
    {
        Should.Throw<PreconditionFailedException>(() => new ProcSysctl().Read(SysctlKey.Parse("net.ipv6.conf.no-such-link.forwarding")))
            .Message.ShouldContain("net.ipv6.conf.no-such-link.forwarding");
    }

    [Fact]
    public void Writing_a_missing_key_fails_instead_of_creating_anything()
    {
        Should.Throw<IOException>(() => new ProcSysctl().Write(SysctlKey.Parse("net.ipv6.conf.no-such-link.forwarding"), "1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1\n0")]
    public void Values_are_one_line(string value)
    {
        Should.Throw<ArgumentException>(() => new ProcSysctl().Write(SysctlKey.Parse("net.ipv6.conf.no-such-link.forwarding"), value));
    }
}
