using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Network;

/// <summary>
/// <see cref="INetwork"/> of the network namespace this process runs in: reads through an
/// <see cref="INetworkReader"/>, changes through an <see cref="INetworkWriter"/>. On Linux both go
/// over rtnetlink (<see cref="Local"/>): no process on the way. Where no rtnetlink socket can be had,
/// <c>ip -j</c> reads (its answers cached) and <c>ip … replace</c> runs write.
/// Steps are synchronous (each waits for the kernel anyway).
/// </summary>
/// <remarks>
/// Every change makes the reader forget, so a step's check after its apply reads the kernel again;
/// waiting for DAD always reads afresh.
/// </remarks>
internal sealed class KernelNetwork : INetwork
{
    // iproute2 answers in milliseconds; anything near this means netlink is stuck.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly INetworkReader reader;
    private readonly INetworkWriter writer;

    /// <summary>Reads and writes through <c>ip</c> run by <paramref name="runner"/>.</summary>
    public KernelNetwork(IProcessRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ProcessResult Run(string[] command) => runner.RunAsync(new ProcessRequest(command) { Timeout = Timeout }).GetAwaiter().GetResult();
        reader = new IpJsonReader(Run);
        writer = new IpCommandWriter(Run);
    }

    public KernelNetwork(INetworkReader reader, INetworkWriter writer)
    {
        this.reader = reader;
        this.writer = writer;
    }

    /// <summary>Over rtnetlink where this process can open the socket (in its network namespace), else through <c>ip</c>.</summary>
    public static KernelNetwork Local(IProcessRunner runner) =>
        RtNetlink.TryOpen() is { } socket ? new(new NetlinkReader(socket), new NetlinkWriter(socket)) : new(runner);

    public LinkState? FindLink(string name) => reader.Link(name)?.Link;

    public void SetLinkUp(string name, bool up) => Change(() => writer.SetLinkUp(name, up));

    public void AddBridge(string name) => Change(() => writer.AddBridge(name));

    public void DeleteLink(string name) => Change(() => writer.DeleteLink(name));

    public void DeleteLinks(IReadOnlyList<string> names) => Change(() => writer.DeleteLinks(names));

    public IReadOnlyList<InterfaceAddress> Addresses(string link) => AddressStates(link).Select(a => a.Address).ToList();

    public void AddAddress(string link, InterfaceAddress address, bool withoutDad = false) => Change(() => writer.ReplaceAddress(link, address, withoutDad));

    public void DeleteAddress(string link, InterfaceAddress address) => Change(() => writer.DeleteAddress(link, address));

    // Waiting for an address to leave "tentative" (Poll: 1 ms, doubling, at most 5 ms). Without duplicate
    // address detection the kernel clears the flag within a millisecond or two; with it, about 1 s.
    public void WaitUntilUsable(string link, InterfaceAddress address, TimeSpan timeout)
    {
        var usable = Poll.Until(
            () =>
            {
                reader.Forget();
                var state = AddressStates(link).FirstOrDefault(a => a.Address == address)
                    ?? throw new InvalidOperationException($"{address} vanished from {link} while waiting for it");
                return state.DadFailed
                    ? throw new InvalidOperationException($"{address} on {link} failed duplicate address detection: another machine on the link uses it")
                    : !state.Tentative;
            },
            timeout);
        if (!usable)
        {
            throw new TimeoutException($"{address} on {link} still tentative after {timeout.TotalSeconds:0} s (is the link connected?)");
        }
    }

    public IReadOnlyList<KernelRoute> RoutesTo(Prefix destination) =>
        [.. reader.MainRoutes(destination.Family).Where(route => route.Destination == destination)];

    public void ReplaceRoute(KernelRoute route) => Change(() => writer.ReplaceRoute(route));

    public void DeleteRoute(KernelRoute route) => Change(() => writer.DeleteRoute(route));

    private IReadOnlyList<AddressState> AddressStates(string link) =>
        reader.Link(link)?.Addresses ?? throw new InvalidOperationException($"interface {link} does not exist");

    private void Change(Action change)
    {
        reader.Forget();
        change();
    }
}
