using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Network;

/// <summary>
/// Reads through <c>ip -j</c>, cached until <see cref="Forget"/>: one <c>ip -j address show dev X</c>
/// answers both "is the link there and up" and "which addresses", one <c>ip -j route show table
/// main</c> per family answers every route question. A process start costs more than any of these
/// reads, and a prepare asks about the same link and table many times.
/// </summary>
internal sealed class IpJsonReader(Func<string[], ProcessResult> run) : INetworkReader
{
    // ip -j address show dev <link>, by link; null when the link does not exist.
    private readonly Dictionary<string, string?> links = new(StringComparer.Ordinal);
    private readonly Dictionary<IpFamily, IReadOnlyList<KernelRoute>> routes = [];

    public (LinkState Link, IReadOnlyList<AddressState> Addresses)? Link(string name)
    {
        if (!links.TryGetValue(name, out var json))
        {
            var result = run(["ip", "-j", "address", "show", "dev", name]);
            json = !result.Succeeded && result.StandardError.Contains("does not exist", StringComparison.Ordinal) ? null : result.EnsureSuccess().StandardOutput;
            links[name] = json;
        }

        return json is not null && IpJson.Link(json) is { } link ? (link, IpJson.Addresses(json)) : null;
    }

    public IReadOnlyList<KernelRoute> MainRoutes(IpFamily family)
    {
        if (!routes.TryGetValue(family, out var table))
        {
            var result = run(["ip", "-j", family == IpFamily.V6 ? "-6" : "-4", "route", "show", "table", "main"]);
            table = IpJson.Routes(result.EnsureSuccess().StandardOutput, family);
            routes[family] = table;
        }

        return table;
    }

    public void Forget()
    {
        links.Clear();
        routes.Clear();
    }
}
