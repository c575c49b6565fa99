using System.Text;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Engine;
using Sixgill.Facts;
using Sixgill.Kube;
using Sixgill.Planning;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

/// <summary>
/// A node of <c>examples/lab.yaml</c> made of fakes, as <c>prepare</c> leaves it: its management
/// address on eth1, the kubeadm file for it, a person's own CNI file, kubeadm installed.
/// </summary>
internal sealed class UpTestNode
{
    public const string State = "/var/lib/sixgill";

    public const string ForeignCniFile = "/etc/cni/net.d/99-foreign.conf";

    public const string Passwd = "root:x:0:0:root:/root:/bin/bash\nada:x:1000:1000:Ada:/home/ada:/bin/bash\n";

    public UpTestNode(Cluster cluster, string name, string? sudoUser = null)
    {
        Plan = AddressPlan.For(cluster);
        Name = name;
        var node = Plan[name];
        Network = new FakeNetwork().WithLink("lo", true, "::1/128").WithLink(node.Node.Interface, true,
            [.. node.ManagementAddresses.Select(m => $"{m.Address}/{m.Length}")]);
        Files = new FakeFiles()
            .WithFile(SystemAccounts.PasswdFile, Passwd)
            .WithFile(ForeignCniFile, "{\"cniVersion\": \"0.4.0\", \"name\": \"foreign\"}\n")
            .WithDirectory("/home/ada")
            .WithDirectory("/root")
            .WithDirectory(State);
        if (KubeadmConfig.Problems(Plan, node).IsEmpty)
        {
            Files.WithFile(KubeadmConfig.FilePath, KubeadmConfig.Render(Plan, node), (UnixFileMode)Convert.ToInt32("600", 8));
        }

        Kubeadm = new FakeKubeadm(Files);
        SudoUser = sudoUser;
    }

    public AddressPlan Plan { get; }

    public string Name { get; }

    public string? SudoUser { get; }

    public FakeNetwork Network { get; }

    public FakeFiles Files { get; }

    public FakeKubeadm Kubeadm { get; }

    public FakeRunLock Lock { get; } = new();

    public StepContext Context => new(Network, Files, new FakeSysctl(), State + "/backups") { Kubeadm = Kubeadm };

    public NodePlan UpPlan() => Sixgill.Planning.UpPlan.For(Plan, Name, UpFacts.Read(Files, SudoUser));

    public Executor Executor() => new(Context, new JournalFile(Files, State + "/journal.json"), Lock);

    /// <summary>Puts a CA where <c>init</c> would.</summary>
    public ClusterCa WithClusterCa()
    {
        var ca = ClusterCa.Create(DateTimeOffset.UnixEpoch.AddYears(55));
        Files.WithFile(ClusterCaFiles.Certificate, ca.ExportCertificatePem() + "\n");
        Files.WithFile(ClusterCaFiles.Key, ca.ExportPrivateKeyPem() + "\n", (UnixFileMode)Convert.ToInt32("600", 8));
        return ca;
    }

    public string? Text(string path) => Files.Text(path);

    /// <summary>Everything on the node except Sixgill's own state.</summary>
    public string Snapshot() => Network.Snapshot() + Files.Snapshot(State);

    public static string Utf8(FileBody body) => Encoding.UTF8.GetString(body.Bytes);
}
