using System.Text.Json.Nodes;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// The machine's own network namespace as <c>ip -j</c> shows it (links, addresses, routes) plus
/// the sysctls a lab sets inside its namespaces, to prove a lab changes none of it. Fields that
/// move on their own (address lifetimes, route expiry) are left out.
/// </summary>
internal sealed record RootNamespaceSnapshot(string Links, string Addresses, string Routes4, string Routes6, string Sysctls)
{
    private static readonly string[] MovingFields = ["valid_life_time", "preferred_life_time", "expires", "stats", "stats64"];

    private static readonly string[] WatchedSysctls =
    [
        "net/ipv6/conf/all/accept_dad",
        "net/ipv6/conf/default/accept_dad",
        "net/ipv6/conf/all/disable_ipv6",
        "net/ipv6/conf/default/disable_ipv6",
        "net/ipv6/conf/all/forwarding",
        "net/ipv4/ip_forward",
    ];

    public static async Task<RootNamespaceSnapshot> TakeAsync()
    {
        var runner = new ProcessRunner();
        async Task<string> Ip(params string[] arguments) =>
            Normalize((await runner.RunCheckedAsync(["ip", "-j", .. arguments], TestContext.Current.CancellationToken)).StandardOutput);

        var sysctls = string.Join('\n', WatchedSysctls.Select(k => $"{k}={File.ReadAllText("/proc/sys/" + k).Trim()}"));
        return new RootNamespaceSnapshot(await Ip("link"), await Ip("address"), await Ip("-4", "route"), await Ip("-6", "route"), sysctls);
    }

    /// <summary>`ip -j` output without the fields that move on their own (lifetimes, expiry, counters).</summary>
    internal static string Normalize(string json)
    {
        var node = JsonNode.Parse(json.Trim().Length == 0 ? "[]" : json);
        Strip(node);
        return node?.ToJsonString() ?? "";
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var field in MovingFields)
                {
                    obj.Remove(field);
                }

                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }

                break;
        }
    }
}
