using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Sixgill.Host.Network;
using Sixgill.Host.Processes;

namespace Sixgill.Tests.Host;

/// <summary>The /proc adapter against a UDP socket of this test process (no root needed).</summary>
[SupportedOSPlatform("linux")]
public sealed class ProcPortListenersTests
{
    [Fact]
    public void A_bound_socket_is_found_with_its_process_whether_or_not_the_likely_owner_is_the_one()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var listeners = new ProcPortListeners(new ProcProcessTable());

        foreach (var likelyOwner in new[] { 0, Environment.ProcessId, 1 })
        {
            var found = listeners.On(port, likelyOwner).ShouldHaveSingleItem($"likely owner {likelyOwner}");
            (found.Protocol, found.Address, found.Port).ShouldBe(("udp", IPAddress.Loopback, port));
            found.Process.ShouldNotBeNull().Pid.ShouldBe(Environment.ProcessId);
        }
    }
}
