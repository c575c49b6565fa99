using System.Text.Json;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Facts;
using Sixgill.Kube;
using Sixgill.Machine;
using Sixgill.Planning;
using Sixgill.Steps;
using Sixgill.Tests.Addressing;
using Sixgill.Tests.Kube;
using Sixgill.Tests.Steps;
using Sixgill.Values;

namespace Sixgill.Tests.Planning;

public sealed class UpPlanTests
{
    private static readonly UpFacts NoCaRoot = UpFacts.None;

    [Fact]
    public void A_minion_gets_the_cni_config_a_route_to_every_other_pod_subnet_and_kubeadm_join()
    {
        var plan = UpPlan.For(AddressPlan.For(TestClusters.Lab()), "w1", NoCaRoot);

        plan.Problems.ShouldBeEmpty();
        plan.Steps.Select(s => s.Id).ShouldBe(
        [
            "cni:/etc/cni/net.d/00-sixgill.conflist",
            "route:fd00:40:0:0:2::/80",
            "route:fd00:40:0:0:4::/80",
            "kubeadm:join",
        ]);
        plan.Steps.OfType<EnsureRoute>().Select(s => s.Route.ToString()).ShouldBe(
        [
            "fd00:40:0:0:2::/80 via fd00:20::2 dev eth1",
            "fd00:40:0:0:4::/80 via fd00:20::4 dev eth1",
        ]);
        var kubeadm = plan.Steps.OfType<RunKubeadm>().Single();
        kubeadm.Arguments.ShouldBe(["join", "--config", "/etc/sixgill/kubeadm.yaml"]);
        kubeadm.Config.ShouldBe(FileBody.FromText(KubeadmConfig.Render(AddressPlan.For(TestClusters.Lab()), AddressPlan.For(TestClusters.Lab())["w1"])));
    }

    [Fact]
    public void The_minions_cni_config_hands_out_its_own_pod_subnet_with_the_bridge()
    {
        var cni = UpPlan.For(AddressPlan.For(TestClusters.Lab()), "w1", NoCaRoot).Steps.OfType<EnsureCniConfig>().Single();

        cni.Bridge.ShouldBe("cni0");
        cni.Mode.ShouldBe(FileModes644);
        using var json = JsonDocument.Parse(cni.Body.Bytes);
        json.RootElement.GetProperty("cniVersion").GetString().ShouldBe("1.0.0");
        var range = json.RootElement.GetProperty("plugins")[0].GetProperty("ipam").GetProperty("ranges")[0][0];
        Prefix.Parse(range.GetProperty("subnet").GetString()!).ShouldBe(Prefix.Parse("fd00:40:0:0:3::/80"));
    }

    [Fact]
    public void The_master_inits_and_merges_the_cluster_into_the_kubeconfig_of_the_user_who_ran_sudo()
    {
        var facts = new UpFacts(null, "ada", new KubeconfigOwner("ada", "/home/ada", 1000, 1000));

        var plan = UpPlan.For(AddressPlan.For(TestClusters.Lab()), "gw", facts);

        plan.Steps.Select(s => s.Id).ShouldBe(
        [
            "cni:/etc/cni/net.d/00-sixgill.conflist",
            "route:fd00:40:0:0:3::/80",
            "route:fd00:40:0:0:4::/80",
            "kubeadm:init",
            "kubeconfig:/home/ada/.kube/config",
        ]);
        var merge = plan.Steps.OfType<MergeKubeconfig>().Single();
        merge.Source.ShouldBe("/etc/kubernetes/admin.conf");
        merge.Name.ShouldBe("sixgill-gw");
        merge.Owner.ShouldBe(new FileOwner(1000, 1000));
        merge.Mode.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void A_cni_config_that_sorts_before_sixgills_stops_up_naming_it_and_the_fix_and_one_after_is_a_note()
    {
        var facts = NoCaRoot with { CniDirectoryEntries = ["00-aaa.conf", "00-sixgill.conflist", "10-containerd-net.conflist", "README", "99-loopback.json.disabled"] };

        var plan = UpPlan.For(AddressPlan.For(TestClusters.Lab()), "w1", facts);

        var problem = plan.Problems.ShouldHaveSingleItem();
        problem.ShouldStartWith("/etc/cni/net.d/00-aaa.conf sorts before 00-sixgill.conflist, so the container runtime would load it instead of Sixgill's");
        problem.ShouldContain("mv /etc/cni/net.d/00-aaa.conf /etc/cni/disabled/");
        plan.Warnings.ShouldBe(["/etc/cni/net.d/10-containerd-net.conflist is there too; runtimes load 00-sixgill.conflist first and leave it unused (Sixgill leaves it alone)"]);
    }

    [Theory]
    [InlineData("10-containerd-net.conflist", false)]
    [InlineData("05-cilium.conflist", false)]
    [InlineData("00-a.conflist", true)]
    [InlineData("0-sixgill.conf", true)]
    [InlineData("00-Sixgill.conflist", true)]
    public void Sixgills_conflist_sorts_first_in_byte_order_as_runtimes_sort(string other, bool before) =>
        CniConfig.SortsBefore(other).ShouldBe(before);

    [Fact]
    public void The_master_copies_the_CA_that_init_made_before_kubeadm_init()
    {
        var node = new UpTestNode(KubeClusters.LabInitialised(), "gw");
        using var ca = node.WithClusterCa();
        var cluster = KubeClusters.LabInitialised() with { TokenCertHash = ca.CertHash };

        var plan = UpPlan.For(AddressPlan.For(cluster), "gw", UpFacts.Read(node.Files, null));

        plan.Problems.ShouldBeEmpty();
        plan.Steps.Select(s => s.Id).ShouldBe(
        [
            "cni:/etc/cni/net.d/00-sixgill.conflist",
            "route:fd00:40:0:0:3::/80",
            "route:fd00:40:0:0:4::/80",
            "copy:/etc/kubernetes/pki/ca.crt",
            "copy:/etc/kubernetes/pki/ca.key",
            "kubeadm:init",
            "kubeconfig:/root/.kube/config",
        ]);
        plan.Steps.OfType<CopyFile>().Single(c => c.Target.EndsWith("ca.key", StringComparison.Ordinal)).Mode.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void A_CA_that_is_not_the_one_the_config_pins_is_a_problem()
    {
        var node = new UpTestNode(KubeClusters.LabInitialised(), "gw");
        using var ca = node.WithClusterCa();

        var plan = UpPlan.For(AddressPlan.For(KubeClusters.LabInitialised()), "gw", UpFacts.Read(node.Files, null));

        plan.Problems.ShouldHaveSingleItem().ShouldContain("general.token_cert_hash is not the hash of the CA in /etc/sixgill/pki");
    }

    [Fact]
    public void A_pinned_hash_without_a_CA_on_the_master_is_a_problem_but_insecure_needs_none()
    {
        UpPlan.For(AddressPlan.For(KubeClusters.LabInitialised()), "gw", NoCaRoot).Problems
            .ShouldHaveSingleItem().ShouldContain("run `sixgill init` on this node");
        UpPlan.For(AddressPlan.For(KubeClusters.LabInitialised() with { Insecure = true }), "gw", NoCaRoot).Problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_placeholder_token_is_refused_and_no_kubeadm_step_is_planned()
    {
        var plan = UpPlan.For(AddressPlan.For(TestClusters.Orca()), "a-minion", NoCaRoot);

        plan.Problems.ShouldContain(p => p.Contains("no bootstrap token", StringComparison.Ordinal));
        plan.Problems.ShouldNotContain(p => p.Contains(Cluster.PlaceholderToken, StringComparison.Ordinal));
        plan.Steps.OfType<RunKubeadm>().ShouldBeEmpty();
        plan.Steps.OfType<EnsureCniConfig>().ShouldHaveSingleItem();
    }

    [Fact]
    public void A_node_that_is_neither_master_nor_minion_has_nothing_to_do()
    {
        var cluster = TestClusters.Lab().WithServiceOnlyNode("svc", 9);

        var plan = UpPlan.For(AddressPlan.For(cluster), "svc", NoCaRoot);

        plan.Steps.ShouldBeEmpty();
        plan.Problems.ShouldBeEmpty();
        plan.Warnings.ShouldHaveSingleItem().ShouldContain("neither master nor minion");
        UpPlan.For(AddressPlan.For(cluster), "w1", NoCaRoot).Steps.OfType<EnsureRoute>().Count().ShouldBe(2, "svc has no pod subnet");
    }

    [Fact]
    public void Ptp_has_no_bridge_for_down_to_remove()
    {
        var cluster = TestClusters.Lab() with { Plugin = CniPlugin.Ptp };

        var cni = UpPlan.For(AddressPlan.For(cluster), "w1", NoCaRoot).Steps.OfType<EnsureCniConfig>().Single();

        cni.Bridge.ShouldBeNull();
        UpTestNode.Utf8(cni.Body).ShouldContain("\"type\": \"ptp\"");
    }

    [Fact]
    public void Dual_stack_routes_both_families_to_each_peer()
    {
        var cluster = TestClusters.DualStack();
        var minion = cluster.Nodes.First(n => n.IsMinion).Name;

        var routes = UpPlan.For(AddressPlan.For(cluster), minion, NoCaRoot).Steps.OfType<EnsureRoute>().ToList();

        routes.Select(r => r.Route.Destination.Family).ShouldBe([IpFamily.V6, IpFamily.V4]);
    }

    [Fact]
    public void Down_takes_back_the_steps_of_up_from_the_journal_of_up()
    {
        var up = UpPlan.For(AddressPlan.For(TestClusters.Lab()), "w1", NoCaRoot);

        var down = DownPlan.For(AddressPlan.For(TestClusters.Lab()), "w1", NoCaRoot);

        down.Steps.ShouldBe(up.Steps);
        down.Command.ShouldBe(UpPlan.Command, "down undoes the journal entries of up");
    }

    [Fact]
    public void A_sudo_user_missing_from_passwd_is_a_problem_on_the_master_only()
    {
        var facts = new UpFacts(null, "ghost", null);

        UpPlan.For(AddressPlan.For(TestClusters.Lab()), "gw", facts).Problems.ShouldHaveSingleItem().ShouldContain("ghost");
        UpPlan.For(AddressPlan.For(TestClusters.Lab()), "w1", facts).Problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_sudo_user_is_found_in_passwd_and_root_without_one()
    {
        var files = new Engine.Fakes.FakeFiles().WithFile(SystemAccounts.PasswdFile, UpTestNode.Passwd + "broken line\n#x:x:1:1::/x:/bin/sh\n");

        KubeconfigOwner.Find(files, "ada").ShouldBe(new KubeconfigOwner("ada", "/home/ada", 1000, 1000));
        KubeconfigOwner.Find(files, null).ShouldBe(new KubeconfigOwner("root", "/root", 0, 0));
        KubeconfigOwner.Find(files, "ghost").ShouldBeNull();
        KubeconfigOwner.Find(new Engine.Fakes.FakeFiles(), null).ShouldBe(KubeconfigOwner.Root);
        KubeconfigOwner.Root.FileOwner.ShouldBeNull();
    }

    [Fact]
    public void No_step_description_holds_the_token()
    {
        var cluster = KubeClusters.LabInitialised();
        foreach (var node in new[] { "gw", "w1" })
        {
            var steps = UpPlan.For(AddressPlan.For(cluster), node, NoCaRoot).Steps;
            steps.ShouldNotBeEmpty();
            foreach (var step in steps)
            {
                step.Description.ShouldNotContain(KubeClusters.OtherToken[7..]);
                step.ToString().ShouldNotContain(KubeClusters.OtherToken[7..]);
            }
        }
    }

    private static readonly UnixFileMode FileModes644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
}
