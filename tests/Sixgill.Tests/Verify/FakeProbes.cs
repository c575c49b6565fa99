using System.Net;
using System.Net.Sockets;
using Sixgill.Machine;

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

/// <summary>Answers <c>ip -j route get</c> and <c>ping</c> like a prepared minion of the lab.</summary>
internal sealed class FakeNodeRunner : IProcessRunner
{
    public Func<IReadOnlyList<string>, ProcessResult?> Override { get; set; } = _ => null;

    public List<IReadOnlyList<string>> Ran { get; } = [];

    public HashSet<string> Unreachable { get; } = [];

    public string RouteJson { get; set; } =
        """[{"dst":"fd00:10:64:ff9b::cb00:7150","gateway":"fd00:20::2","dev":"eth1","prefsrc":"fd00:20::3","flags":[],"pref":"medium"}]""";

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        var command = request.Command;
        lock (Ran)
        {
            Ran.Add(command);
        }

        if (Override(command) is { } overridden)
        {
            return Task.FromResult(overridden);
        }

        var result = command[0] switch
        {
            "ip" => new ProcessResult(command, 0, RouteJson, "", TimeSpan.Zero),
            "ping" when Unreachable.Contains(command[^1]) => new ProcessResult(command, 1, "1 packets transmitted, 0 received", "", TimeSpan.Zero),
            "ping" => new ProcessResult(command, 0, "64 bytes from x: icmp_seq=1 ttl=64 time=0.050 ms\n", "", TimeSpan.Zero),
            _ => throw new ProgramNotFoundException(command[0], new SocketException()),
        };
        return Task.FromResult(result);
    }
}
