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

    /// <summary>The same cluster as bench/make-config.sh: examples/lab.yaml with n2 as master and gateway and the rest minions.</summary>
    private static string Generate(int nodes)
    {
        var lab = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "lab.yaml"));
        var topology = lab.IndexOf("topology:\n", StringComparison.Ordinal) + "topology:\n".Length;
        var afterTopology = lab.IndexOf("support_net:", StringComparison.Ordinal);
        var yaml = new StringBuilder(lab[..topology]);
        for (var id = 2; id < nodes + 2; id++)
        {
            var modes = id == 2 ? "master dns64 nat64" : "minion";
            yaml.Append($"  n{id}:\n    interface: eth1\n    opmodes: \"{modes}\"\n    id: {id}\n");
        }

        return yaml.Append(lab[afterTopology..]).ToString();
    }
}
