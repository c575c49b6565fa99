using System.Diagnostics;
using Sixgill.Addressing;

namespace Sixgill.Host;

/// <summary>
/// <see cref="INetwork"/> through iproute2: <c>ip -j</c> to read, <c>replace</c> verbs to write.
/// Each change is one <c>ip</c> run with an argument vector; <c>ip -batch</c> is not used because it
/// splits its input on whitespace, and one argv per change lets a failure name exactly one change.
/// Steps are synchronous (each waits for the kernel anyway), so this waits for the runner.
/// </summary>
/// <remarks>
/// Reads are few and cached until the next change: one <c>ip -j address show dev X</c> answers both
/// "is the link there and up" and "which addresses", one <c>ip -j route show table main</c> per
/// family answers every "routes to this destination". Every change drops the cache, so a step's
/// check after its apply reads the kernel again; waiting for DAD always reads afresh. A process
/// start costs more than any of these reads, and a prepare probes the same link and table many times.
/// </remarks>
internal sealed class IpRoute2Network(IProcessRunner runner) : INetwork
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // iproute2 answers in milliseconds; anything near this means netlink is stuck.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // ip -j address show dev <link>, by link; null when the link does not exist.
    private readonly Dictionary<string, string?> links = new(StringComparer.Ordinal);
    private readonly Dictionary<IpFamily, IReadOnlyList<KernelRoute>> routes = [];

    public LinkState? FindLink(string name) => LinkJson(name) is { } json ? IpJson.Link(json) : null;

    public void SetLinkUp(string name, bool up) => Change("link", "set", "dev", name, up ? "up" : "down");

    public IReadOnlyList<InterfaceAddress> Addresses(string link) => AddressStates(link).Select(a => a.Address).ToList();

    public void AddAddress(string link, InterfaceAddress address) => Change(Family(address.Address), "address", "replace", address.ToString(), "dev", link);

    public void DeleteAddress(string link, InterfaceAddress address) => Change(Family(address.Address), "address", "del", address.ToString(), "dev", link);

    public void WaitUntilUsable(string link, InterfaceAddress address, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Forget();
            var state = AddressStates(link).FirstOrDefault(a => a.Address == address)
                ?? throw new InvalidOperationException($"{address} vanished from {link} while waiting for it");
            if (state.DadFailed)
            {
                throw new InvalidOperationException($"{address} on {link} failed duplicate address detection: another machine on the link uses it");
            }

            if (!state.Tentative)
            {
                return;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{address} on {link} still tentative after {timeout.TotalSeconds:0} s (is the link connected?)");
            }

            Thread.Sleep(PollInterval);
        }
    }

    public IReadOnlyList<KernelRoute> RoutesTo(Prefix destination)
    {
        var family = destination.Family;
        if (!routes.TryGetValue(family, out var table))
        {
            var result = Run(["ip", "-j", Family(destination.Network), "route", "show", "table", "main"]);
            table = IpJson.Routes(result.EnsureSuccess().StandardOutput, family);
            routes[family] = table;
        }

        return [.. table.Where(route => route.Destination == destination)];
    }

    public void ReplaceRoute(KernelRoute route) => Change([Family(route.Destination.Network), "route", "replace", .. RouteArguments(route)]);

    public void DeleteRoute(KernelRoute route) => Change([Family(route.Destination.Network), "route", "del", .. RouteArguments(route)]);

    private IReadOnlyList<AddressState> AddressStates(string link) =>
        IpJson.Addresses(LinkJson(link) ?? throw new InvalidOperationException($"interface {link} does not exist"));

    private string? LinkJson(string name)
    {
        if (!links.TryGetValue(name, out var json))
        {
            var result = Run(["ip", "-j", "address", "show", "dev", name]);
            json = !result.Succeeded && result.StandardError.Contains("does not exist", StringComparison.Ordinal) ? null : result.EnsureSuccess().StandardOutput;
            links[name] = json;
        }

        return json;
    }

    private void Forget()
    {
        links.Clear();
        routes.Clear();
    }

    private static string[] RouteArguments(KernelRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var arguments = new List<string> { route.Destination.ToString() };
        if (route.Via is { } via)
        {
            arguments.AddRange(["via", via.ToString()]);
        }

        if (route.Device is { } device)
        {
            arguments.AddRange(["dev", device]);
        }

        return [.. arguments];
    }

    private static string Family(Ip address) => address.IsV6 ? "-6" : "-4";

    private void Change(params string[] arguments)
    {
        Forget();
        Run(["ip", .. arguments]).EnsureSuccess();
    }

    private ProcessResult Run(string[] command) => runner.RunAsync(new ProcessRequest(command) { Timeout = Timeout }).GetAwaiter().GetResult();
}
