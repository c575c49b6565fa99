using System.Diagnostics;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Network;

/// <summary>
/// <see cref="INetwork"/> through iproute2: <c>ip -j</c> to read, <c>replace</c> verbs to write.
/// Each change is one <c>ip</c> run with an argument vector; <c>ip -batch</c> is not used because it
/// splits its input on whitespace, and one argv per change lets a failure name exactly one change.
/// Steps are synchronous (each waits for the kernel anyway), so this waits for the runner.
/// </summary>
/// <remarks>
/// Reads go through an <see cref="INetworkReader"/>: rtnetlink where the kernel gives a socket (no
/// process per read), else <c>ip -j</c> with its answers cached. Every change makes the reader
/// forget, so a step's check after its apply reads the kernel again; waiting for DAD always reads
/// afresh.
/// </remarks>
internal sealed class IpRoute2Network : INetwork
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // iproute2 answers in milliseconds; anything near this means netlink is stuck.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly IProcessRunner runner;
    private readonly INetworkReader reader;

    /// <param name="reader">How to read; null: <c>ip -j</c> through the same runner.</param>
    public IpRoute2Network(IProcessRunner runner, INetworkReader? reader = null)
    {
        this.runner = runner;
        this.reader = reader ?? new IpJsonReader(Run);
    }

    /// <summary>Reads over rtnetlink where this process can open the socket, else through <c>ip -j</c>.</summary>
    public static IpRoute2Network Local(IProcessRunner runner) =>
        new(runner, NetlinkReader.TryOpen() is { } netlink ? netlink : null);

    public LinkState? FindLink(string name) => reader.Link(name)?.Link;

    public void SetLinkUp(string name, bool up) => Change("link", "set", "dev", name, up ? "up" : "down");

    public void AddBridge(string name) => Change("link", "add", name, "type", "bridge");

    public void DeleteLink(string name) => Change("link", "delete", "dev", name);

    public IReadOnlyList<InterfaceAddress> Addresses(string link) => AddressStates(link).Select(a => a.Address).ToList();

    public void AddAddress(string link, InterfaceAddress address, bool withoutDad = false) =>
        Change([Family(address.Address), "address", "replace", address.ToString(), "dev", link, .. withoutDad ? ["nodad"] : Array.Empty<string>()]);

    public void DeleteAddress(string link, InterfaceAddress address) => Change(Family(address.Address), "address", "del", address.ToString(), "dev", link);

    public void WaitUntilUsable(string link, InterfaceAddress address, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            reader.Forget();
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

    public IReadOnlyList<KernelRoute> RoutesTo(Prefix destination) =>
        [.. reader.MainRoutes(destination.Family).Where(route => route.Destination == destination)];

    public void ReplaceRoute(KernelRoute route) => Change([Family(route.Destination.Network), "route", "replace", .. RouteArguments(route)]);

    public void DeleteRoute(KernelRoute route) => Change([Family(route.Destination.Network), "route", "del", .. RouteArguments(route)]);

    private IReadOnlyList<AddressState> AddressStates(string link) =>
        reader.Link(link)?.Addresses ?? throw new InvalidOperationException($"interface {link} does not exist");

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
        reader.Forget();
        Run(["ip", .. arguments]).EnsureSuccess();
    }

    private ProcessResult Run(string[] command) => runner.RunAsync(new ProcessRequest(command) { Timeout = Timeout }).GetAwaiter().GetResult();
}
