using System.Diagnostics;
using Sixgill.Addressing;

namespace Sixgill.Host;

/// <summary>
/// <see cref="INetwork"/> through iproute2: <c>ip -j</c> to read, <c>replace</c> verbs to write.
/// Each change is one <c>ip</c> run with an argument vector; <c>ip -batch</c> is not used because it
/// splits its input on whitespace, and one argv per change lets a failure name exactly one change.
/// Steps are synchronous (each waits for the kernel anyway), so this waits for the runner.
/// </summary>
internal sealed class IpRoute2Network(IProcessRunner runner) : INetwork
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // iproute2 answers in milliseconds; anything near this means netlink is stuck.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public LinkState? FindLink(string name)
    {
        var result = Run(["ip", "-j", "link", "show", "dev", name]);
        if (!result.Succeeded && result.StandardError.Contains("does not exist", StringComparison.Ordinal))
        {
            return null;
        }

        return IpJson.Link(result.EnsureSuccess().StandardOutput);
    }

    public void SetLinkUp(string name, bool up) => Change("link", "set", "dev", name, up ? "up" : "down");

    public void DeleteLink(string name) => Change("link", "delete", "dev", name);

    public IReadOnlyList<InterfaceAddress> Addresses(string link) => AddressStates(link).Select(a => a.Address).ToList();

    public void AddAddress(string link, InterfaceAddress address) => Change(Family(address.Address), "address", "replace", address.ToString(), "dev", link);

    public void DeleteAddress(string link, InterfaceAddress address) => Change(Family(address.Address), "address", "del", address.ToString(), "dev", link);

    public void WaitUntilUsable(string link, InterfaceAddress address, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
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
        var result = Run(["ip", "-j", Family(destination.Network), "route", "show", "table", "main", "exact", destination.ToString()]);
        return IpJson.Routes(result.EnsureSuccess().StandardOutput, family);
    }

    public void ReplaceRoute(KernelRoute route) => Change([Family(route.Destination.Network), "route", "replace", .. RouteArguments(route)]);

    public void DeleteRoute(KernelRoute route) => Change([Family(route.Destination.Network), "route", "del", .. RouteArguments(route)]);

    private IReadOnlyList<AddressState> AddressStates(string link) =>
        IpJson.Addresses(Run(["ip", "-j", "address", "show", "dev", link]).EnsureSuccess().StandardOutput);

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

    private void Change(params string[] arguments) => Run(["ip", .. arguments]).EnsureSuccess();

    private ProcessResult Run(string[] command) => runner.RunAsync(new ProcessRequest(command) { Timeout = Timeout }).GetAwaiter().GetResult();
}
