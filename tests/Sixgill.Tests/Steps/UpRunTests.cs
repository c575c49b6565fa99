using Sixgill.Facts;
using Sixgill.Kube;
using Sixgill.Planning;
using Sixgill.Tests.Addressing;
using Sixgill.Tests.Kube;

namespace Sixgill.Tests.Steps;

/// <summary>up and down through the engine on fake nodes: order, rollback, exact undo.</summary>
public sealed class UpRunTests
{
    [Fact]
    public void Up_on_a_minion_then_down_leaves_the_node_as_prepare_left_it()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        var before = node.Snapshot();
        var plan = node.UpPlan();

        var run = node.Executor().Run(UpPlan.Command, plan.Steps);

        run.Succeeded.ShouldBeTrue(run.Failure?.Message);
        run.AppliedCount.ShouldBe(4);
        node.Network.RoutesTo(Sixgill.Values.Prefix.Parse("fd00:40:0:0:4::/80")).ShouldHaveSingleItem().ToString().ShouldBe("fd00:40:0:0:4::/80 via fd00:20::4 dev eth1");
        node.Text(CniConfig.FilePath).ShouldNotBeNull();
        node.Network.WithLink("cni0", true);

        var down = node.Executor().Undo(UpPlan.Command, DownPlan.For(node.Plan, "w1", UpFacts.Read(node.Files, null)).Steps);

        down.Succeeded.ShouldBeTrue();
        down.Results.Select(r => r.StepId).ShouldBe(["kubeadm:join", "route:fd00:40:0:0:4::/80", "route:fd00:40:0:0:2::/80", "cni:/etc/cni/net.d/00-sixgill.conflist"]);
        node.Kubeadm.Calls.ShouldBe(["join --config /etc/sixgill/kubeadm.yaml", "reset --force"]);
        node.Files.DeleteDirectoryIfEmpty("/etc/kubernetes"); // kubeadm keeps its directory; the rest must be as before
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Up_twice_changes_nothing_the_second_time()
    {
        var node = new UpTestNode(TestClusters.Lab(), "gw", sudoUser: "ada");
        node.Executor().Run(UpPlan.Command, node.UpPlan().Steps).Succeeded.ShouldBeTrue();

        var again = node.Executor().Run(UpPlan.Command, node.UpPlan().Steps);

        again.Succeeded.ShouldBeTrue();
        again.AppliedCount.ShouldBe(0);
        node.Kubeadm.Calls.ShouldBe(["init --config /etc/sixgill/kubeadm.yaml"]);
    }

    [Fact]
    public void A_failing_kubeadm_init_rolls_back_the_run_including_kubeadm_itself()
    {
        var node = new UpTestNode(KubeClusters.LabInitialised(), "gw");
        using var ca = node.WithClusterCa();
        var cluster = KubeClusters.LabInitialised() with { TokenCertHash = ca.CertHash };
        node = Rebased(node, cluster);
        var before = node.Snapshot();
        node.Kubeadm.FailOn = "init";

        var run = node.Executor().Run(UpPlan.Command, UpPlan.For(node.Plan, "gw", UpFacts.Read(node.Files, null)).Steps);

        run.Succeeded.ShouldBeFalse();
        run.Failure!.StepId.ShouldBe("kubeadm:init");
        run.RolledBack.Select(r => r.StepId).ShouldBe(
        [
            "kubeadm:init",
            "copy:/etc/kubernetes/pki/ca.key",
            "copy:/etc/kubernetes/pki/ca.crt",
            "route:fd00:40:0:0:4::/80",
            "route:fd00:40:0:0:3::/80",
            "cni:/etc/cni/net.d/00-sixgill.conflist",
        ]);
        run.RolledBack.ShouldAllBe(r => !r.Failed);
        node.Kubeadm.Calls.ShouldBe(["init --config /etc/sixgill/kubeadm.yaml", "reset --force"]);
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Missing_kubeadm_stops_up_before_any_change()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        node.Kubeadm.InstalledVersion = null;
        var before = node.Snapshot();

        Should.Throw<Sixgill.Machine.PreconditionFailedException>(() => node.Executor().Run(UpPlan.Command, node.UpPlan().Steps));

        node.Snapshot().ShouldBe(before);
        node.Kubeadm.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void Down_without_a_journal_follows_the_probes_of_up()
    {
        var node = new UpTestNode(TestClusters.Lab(), "gw", sudoUser: "ada");
        node.Executor().Run(UpPlan.Command, node.UpPlan().Steps).Succeeded.ShouldBeTrue();
        node.Files.Delete(UpTestNode.State + "/journal.json");

        var down = node.Executor().Undo(UpPlan.Command, DownPlan.For(node.Plan, "gw", UpFacts.Read(node.Files, "ada")).Steps);

        down.FromJournal.ShouldBeFalse();
        down.Results.Select(r => r.StepId).ShouldBe(["kubeadm:init", "route:fd00:40:0:0:4::/80", "route:fd00:40:0:0:3::/80", "cni:/etc/cni/net.d/00-sixgill.conflist"]);
        node.Text("/home/ada/.kube/config")!.ShouldContain("sixgill-gw", Case.Sensitive, "only the journal knows what the person's kubeconfig was before: left as it is");
        node.Text(CniConfig.FilePath).ShouldBeNull();
        node.Kubeadm.Calls[^1].ShouldBe("reset --force");
    }

    // The same fake node, planned for another version of the cluster file (kubeadm file re-rendered, files kept).
    private static UpTestNode Rebased(UpTestNode node, Sixgill.Config.Cluster cluster)
    {
        var rebased = new UpTestNode(cluster, node.Name);
        foreach (var path in new[] { ClusterCaFiles.Certificate, ClusterCaFiles.Key })
        {
            rebased.Files.WithFile(path, node.Text(path)!, node.Files.ModeOf(path)!.Value);
        }

        return rebased;
    }
}
