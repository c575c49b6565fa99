using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Kube;
using Sixgill.Tests.Addressing;

namespace Sixgill.Tests.Kube;

/// <summary>
/// The whole kubeadm file (master and minion) and the CNI conflist for every mode and plugin, byte for
/// byte against the files in <c>Kube/Golden/</c>. The field-by-field tests say why each value is what
/// it is; these catch every change, and the goldens are what docs/architecture.md's table of
/// upstream fields was checked against. After an intended change, run the tests with
/// <c>SIXGILL_WRITE_GOLDEN=1</c> to rewrite the files in the source tree, and read the diff.
/// </summary>
public sealed class GoldenFilesTests
{
    public static TheoryData<string, string> ModesAndPlugins() => new()
    {
        { "ipv6", "bridge" },
        { "ipv6", "ptp" },
        { "dual-stack", "bridge" },
        { "dual-stack", "ptp" },
        { "ipv4", "bridge" },
        { "ipv4", "ptp" },
    };

    [Theory]
    [MemberData(nameof(ModesAndPlugins))]
    public void The_masters_kubeadm_file_is_the_golden_one(string mode, string plugin)
    {
        var (plan, master, _) = Cluster(mode, plugin);

        Compare($"{mode}.{plugin}.master.kubeadm.yaml", KubeadmConfig.Render(plan, plan[master]));
    }

    [Theory]
    [MemberData(nameof(ModesAndPlugins))]
    public void A_minions_kubeadm_file_is_the_golden_one(string mode, string plugin)
    {
        var (plan, _, minion) = Cluster(mode, plugin);

        Compare($"{mode}.{plugin}.minion.kubeadm.yaml", KubeadmConfig.Render(plan, plan[minion]));
    }

    [Theory]
    [MemberData(nameof(ModesAndPlugins))]
    public void A_minions_cni_conflist_is_the_golden_one(string mode, string plugin)
    {
        var (plan, _, minion) = Cluster(mode, plugin);

        Compare($"{mode}.{plugin}.minion.conflist", CniConfig.Render(plan, plan[minion]));
    }

    private static (AddressPlan Plan, string Master, string Minion) Cluster(string mode, string plugin)
    {
        var (cluster, master, minion) = mode switch
        {
            "ipv6" => (TestClusters.Lab(), "gw", "w1"),
            "dual-stack" => (TestClusters.DualStack(), "cp1", "wk1"),
            _ => (TestClusters.Ipv4(), "cp1", "wk1"),
        };
        cluster.Mode.ShouldBe(mode switch { "ipv6" => ClusterMode.Ipv6, "dual-stack" => ClusterMode.DualStack, _ => ClusterMode.Ipv4 });
        var withPlugin = cluster with { Plugin = plugin == "bridge" ? CniPlugin.Bridge : CniPlugin.Ptp };
        return (AddressPlan.For(withPlugin), master, minion);
    }

    private static void Compare(string name, string actual)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Kube", "Golden");
        if (Environment.GetEnvironmentVariable("SIXGILL_WRITE_GOLDEN") == "1")
        {
            directory = SourceDirectory();
            File.WriteAllText(Path.Combine(directory, name), actual);
        }

        var expected = File.ReadAllText(Path.Combine(directory, name));
        actual.ShouldBe(expected, $"{name} differs from the golden file (SIXGILL_WRITE_GOLDEN=1 rewrites it after an intended change)");
    }

    private static string SourceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sixgill.slnx")))
            {
                return Path.Combine(directory.FullName, "tests", "Sixgill.Tests", "Kube", "Golden");
            }
        }

        throw new InvalidOperationException($"no Sixgill.slnx above {AppContext.BaseDirectory}");
    }
}
