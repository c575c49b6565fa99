using System.Text.Json.Nodes;
using Sixgill.Lab;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.IntegrationTests;

/// <summary>
/// A container runtime's part of CNI, by hand (TESTING.md §7): the plugins of the conflist Sixgill
/// wrote, run in order inside the node with <c>CNI_COMMAND=ADD</c>, each given its own config with the
/// network's <c>name</c> and <c>cniVersion</c> and the previous plugin's result. host-local keeps its
/// leases in the node's private <c>/var/lib/cni</c>.
/// </summary>
internal static class PodsCni
{
    public const string PluginDirectory = "/usr/lib/cni";

    public static readonly IReadOnlyList<string> Plugins = ["bridge", "ptp", "host-local", "portmap", "loopback"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Skips where the plugins are missing (fails in CI, like <see cref="LabRequirements"/>).</summary>
    public static void Require()
    {
        LabRequirements.Require();
        Guard.Require("pod tests", [.. Plugins.Where(p => !File.Exists(Path.Combine(PluginDirectory, p)))
            .Select(p => $"the CNI plugin {p} in {PluginDirectory} (Debian package containernetworking-plugins)")]);
    }

    /// <summary>Adds <paramref name="pod"/> to the network of the node's conflist; returns the pod's addresses from the last result.</summary>
    public static async Task<IReadOnlyList<Ip>> AddAsync(LabNode node, string conflist, LabNamespace pod)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(pod);
        var network = JsonNode.Parse(conflist)!.AsObject();
        JsonNode? previous = null;
        foreach (var plugin in network["plugins"]!.AsArray())
        {
            var config = plugin!.DeepClone().AsObject();
            config["name"] = network["name"]!.DeepClone();
            config["cniVersion"] = network["cniVersion"]!.DeepClone();
            if (previous is not null)
            {
                config["prevResult"] = previous.DeepClone();
            }

            var type = config["type"]!.GetValue<string>();
            var result = await node.RunAsync(new ProcessRequest([Path.Combine(PluginDirectory, type)])
            {
                StandardInput = config.ToJsonString(),
                Environment = new Dictionary<string, string?>
                {
                    ["CNI_COMMAND"] = "ADD",
                    ["CNI_CONTAINERID"] = pod.Name,
                    ["CNI_NETNS"] = pod.Path,
                    ["CNI_IFNAME"] = "eth0",
                    ["CNI_PATH"] = PluginDirectory,
                },
            }, Cancel);
            result.ExitCode.ShouldBe(0, $"CNI plugin {type} in {node.Name}: {result.StandardOutput}{result.StandardError}");
            previous = JsonNode.Parse(result.StandardOutput);
        }

        return [.. previous!["ips"]!.AsArray().Select(ip => Ip.Parse(ip!["address"]!.GetValue<string>().Split('/')[0]))];
    }
}
