using System.Text;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// The one fake <see cref="INetwork"/>: an in-memory network namespace (links, addresses, routes of
/// the main table). Faults on request: <see cref="FailWhen"/> fails chosen changes (with
/// <see cref="FailureText"/>), <see cref="IgnoreChanges"/> makes changes vanish, <see cref="IpMissing"/>
/// makes every call that runs <c>ip</c> find no such program.
/// </summary>
internal sealed class FakeNetwork(Doom? doom = null) : INetwork
{
    private readonly Doom doom = doom ?? new Doom();
    private readonly SortedDictionary<string, bool> links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<InterfaceAddress>> addresses = [];
    private readonly List<KernelRoute> routes = [];

    /// <summary>Makes the matching change fail (by its log text, e.g. <c>route replace …</c>).</summary>
    public Func<string, bool> FailWhen { get; set; } = _ => false;

    /// <summary>The error text of a change <see cref="FailWhen"/> fails; by default it names the change.</summary>
    public Func<string, string> FailureText { get; set; } = what => $"RTNETLINK answers: simulated failure of '{what}'";

    /// <summary>When set, every call but <see cref="FindLink"/> (which reads /sys) finds no <c>ip</c> to run, as on a node without iproute2.</summary>
    public bool IpMissing { get; set; }

    /// <summary>When set, changes are ignored: an adapter that "succeeds" without effect.</summary>
    public bool IgnoreChanges { get; set; }

    public List<string> Log { get; } = [];

    public FakeNetwork WithLink(string name, bool up = true, params string[] assigned)
    {
        links[name] = up;
        addresses[name] = [.. assigned.Select(InterfaceAddress.Parse)];
        return this;
    }

    public FakeNetwork WithRoute(KernelRoute route)
    {
        routes.Add(route);
        return this;
    }

    public LinkState? FindLink(string name)
    {
        doom.Check();
        return links.TryGetValue(name, out var up) ? new LinkState(name, up) : null;
    }

    public void SetLinkUp(string name, bool up) =>
        Change($"link set {name} {(up ? "up" : "down")}", () => links[name] = links.ContainsKey(name) ? up : throw new InvalidOperationException($"Cannot find device \"{name}\""));

    public void AddBridge(string name) => Change($"link add {name} type bridge", () => AddLink(name));

    /// <summary>A link made by something other than ip (TAYGA's --mktun): down, without addresses.</summary>
    public void AddLink(string name)
    {
        if (!links.TryAdd(name, false))
        {
            throw new InvalidOperationException("RTNETLINK answers: File exists");
        }

        addresses[name] = [];
    }

    // Like the kernel: the link's addresses and the routes through it go with it.
    public void DeleteLink(string name) =>
        Change($"link delete {name}", () =>
        {
            if (!links.ContainsKey(name))
            {
                throw new InvalidOperationException($"Cannot find device \"{name}\"");
            }

            Drop(name);
        });

    // One change, as one request: every link goes, or (one missing) none does.
    public void DeleteLinks(IReadOnlyList<string> names) =>
        Change($"links delete {string.Join(' ', names)}", () =>
        {
            if (names.FirstOrDefault(name => !links.ContainsKey(name)) is { } missing)
            {
                throw new InvalidOperationException($"Cannot find device \"{missing}\"");
            }

            foreach (var name in names)
            {
                Drop(name);
            }
        });

    private void Drop(string name)
    {
        links.Remove(name);
        addresses.Remove(name);
        routes.RemoveAll(r => r.Device == name);
    }

    public IReadOnlyList<InterfaceAddress> Addresses(string link)
    {
        Read();
        return addresses.TryGetValue(link, out var list) ? [.. list] : [];
    }

    public void AddAddress(string link, InterfaceAddress address, bool withoutDad = false) =>
        Change($"address replace {address} dev {link}{(withoutDad ? " nodad" : "")}", () =>
        {
            var list = addresses[link];
            if (!list.Contains(address))
            {
                list.Add(address);
            }
        });

    public void DeleteAddress(string link, InterfaceAddress address) =>
        Change($"address del {address} dev {link}", () =>
        {
            if (!addresses[link].Remove(address))
            {
                throw new InvalidOperationException($"RTNETLINK answers: Cannot assign requested address ({address})");
            }
        });

    public void WaitUntilUsable(string link, InterfaceAddress address, TimeSpan timeout) => Read();

    public IReadOnlyList<KernelRoute> RoutesTo(Prefix destination)
    {
        Read();
        return [.. routes.Where(r => r.Destination == destination)];
    }

    // Like the kernel: replace swaps the route to the same destination (one metric here).
    public void ReplaceRoute(KernelRoute route) =>
        Change($"route replace {route}", () =>
        {
            if (route.Device is { } device && !links.ContainsKey(device))
            {
                throw new InvalidOperationException($"Cannot find device \"{device}\"");
            }

            routes.RemoveAll(r => r.Destination == route.Destination);
            routes.Add(route);
        });

    public void DeleteRoute(KernelRoute route) =>
        Change($"route del {route}", () =>
        {
            if (routes.RemoveAll(r => route.IsSatisfiedBy(r)) == 0)
            {
                throw new InvalidOperationException($"RTNETLINK answers: No such process ({route})");
            }
        });

    /// <summary>The whole state as text, to compare before and after.</summary>
    public string Snapshot()
    {
        var text = new StringBuilder();
        foreach (var (name, up) in links)
        {
            text.Append(name).Append(up ? " up:" : " down:");
            foreach (var address in addresses[name].Select(a => a.ToString()).Order(StringComparer.Ordinal))
            {
                text.Append(' ').Append(address);
            }

            text.AppendLine();
        }

        foreach (var route in routes.Select(r => r.ToString()).Order(StringComparer.Ordinal))
        {
            text.Append("route ").AppendLine(route);
        }

        return text.ToString();
    }

    private void Read()
    {
        doom.Check();
        if (IpMissing)
        {
            throw new ProgramNotFoundException("ip", new FileNotFoundException("No such file or directory"));
        }
    }

    private void Change(string what, Action change)
    {
        Read();
        doom.Change();
        Log.Add(what);
        if (FailWhen(what))
        {
            throw new InvalidOperationException(FailureText(what));
        }

        if (!IgnoreChanges)
        {
            change();
        }
    }
}
