using System.Text;
using BenchmarkDotNet.Attributes;
using Sixgill.Addressing;
using Sixgill.Config;

namespace Sixgill.Bench;

/// <summary>load + validate + plan in-process: the pure core every command starts with.</summary>
[MemoryDiagnoser]
public class ConfigBenchmarks
{
    private string orca = "";
    private string large = "";

    [Params(2, 1000, 5000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        orca = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "orca.yaml"));
        large = Generate(Nodes);
    }

    [Benchmark]
    public int LoadAndValidate() => ConfigLoader.Load("config.yaml", Nodes == 2 ? orca : large).Diagnostics.Length;

    [Benchmark]
    public int LoadValidateAndPlan()
    {
        var cluster = ConfigLoader.Load("config.yaml", Nodes == 2 ? orca : large).Cluster!;
        return AddressPlan.For(cluster).Nodes.Length;
    }

    /// <summary>The same cluster as bench/make-config.sh: n2 is master and gateway, the rest minions.</summary>
    private static string Generate(int nodes)
    {
        var yaml = new StringBuilder("general:\n  mode: ipv6\n  insecure: true\ntopology:\n");
        for (var id = 2; id < nodes + 2; id++)
        {
            var modes = id == 2 ? "master dns64 nat64" : "minion";
            yaml.Append($"  n{id}:\n    interface: eth1\n    opmodes: \"{modes}\"\n    id: {id}\n");
        }

        yaml.Append("""
            support_net:
              cidr: "fd00:10::/64"
              v4cidr: "198.51.100.0/24"
            mgmt_net:
              cidr: "fd00:20::/64"
            pod_net:
              cidr: "fd00:40::/64"
              node_size: 80
            service_net:
              cidr: "fd00:30::/110"
            nat64:
              v4_cidr: "198.51.100.128/25"
              v4_ip: "198.51.100.2"
              ip: "fd00:10::200"
            dns64:
              remote_server: "203.0.113.53"
              cidr: "fd00:10:64:ff9b::/96"
              ip: "fd00:10::100"
              dnssec_validation: "no"

            """);
        return yaml.ToString();
    }
}
