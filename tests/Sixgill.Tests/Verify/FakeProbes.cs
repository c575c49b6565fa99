using System.Net;
using System.Net.Sockets;
using Sixgill.Machine;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Verify;

internal sealed class FakeResolver : ISystemResolver
{
    public Func<string, IPAddress[]> Answer { get; set; } = _ => [IPAddress.Parse("fd00:10:64:ff9b::cb00:7150"), IPAddress.Parse("203.0.113.80")];

    public Task<IPAddress[]> ResolveAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) => Task.FromResult(Answer(name));
}

internal sealed class FakeHttp : IHttpProbe
{
    public Func<Uri, HttpProbeResult> Answer { get; set; } = _ =>
        new HttpProbeResult(200, "hello from the IPv4-only web\n", new IPEndPoint(IPAddress.Parse("fd00:10:64:ff9b::cb00:7150"), 8080), HttpProbeError.None, null);

    /// <summary>The family each GET was limited to, in order.</summary>
    public List<AddressFamily> Families { get; } = [];

    public Task<HttpProbeResult> GetAsync(Uri url, TimeSpan timeout, AddressFamily family = AddressFamily.Unspecified, CancellationToken cancellationToken = default)
    {
        Families.Add(family);
        return Task.FromResult(Answer(url));
    }
}

/// <summary>
/// The programs verify runs on a prepared minion of the lab, as the one fake runner: <c>ip -j route get</c>
/// finds the route via gw, every <c>ping</c> is answered, anything else is not installed. A test
/// changes one answer with a later <see cref="FakeProcessRunner.When"/>.
/// </summary>
internal static class MinionPrograms
{
    public const string RouteJson =
        """[{"dst":"fd00:10:64:ff9b::cb00:7150","gateway":"fd00:20::2","dev":"eth1","prefsrc":"fd00:20::3","flags":[],"pref":"medium"}]""";

    public static FakeProcessRunner Runner() => new FakeProcessRunner { OnlyScripted = true }
        .When(c => c[0] == "ip", RouteJson)
        .When(c => c[0] == "ping", "64 bytes from x: icmp_seq=1 ttl=64 time=0.050 ms\n");
}
