using System.Text;
using Sixgill.Engine;
using Sixgill.Kube;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Tests.Addressing;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

/// <summary>The steps that only up and down take: kubeadm, copies for kubeadm and the user, the CNI config and its bridge.</summary>
public sealed class UpStepsTests
{
    private static readonly UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly UnixFileMode Public = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static RunKubeadm Join(UpTestNode node, string? version = null) =>
        node.UpPlan().Steps.OfType<RunKubeadm>().Single() with { KubernetesVersion = version };

    [Fact]
    public void Kubeadm_join_is_absent_on_a_prepared_node_and_present_once_it_ran()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        var join = Join(node);

        join.Probe(node.Context).State.ShouldBe(ProbeState.Absent);
        join.Apply(node.Context, join.PrepareUndo(node.Context));

        node.Kubeadm.Calls.ShouldBe(["join --config /etc/sixgill/kubeadm.yaml"]);
        join.Probe(node.Context).State.ShouldBe(ProbeState.Present);
        join.FindUndo(node.Context).ShouldBeOfType<ResetKubeadm>();
    }

    [Fact]
    public void Reset_is_the_undo_and_is_safe_on_a_node_kubeadm_never_touched()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");

        new ResetKubeadm().Revert(node.Context).Status.ShouldBe(UndoStatus.Reverted);

        node.Kubeadm.Calls.ShouldBe(["reset --force"]);
    }

    [Fact]
    public void Missing_kubeadm_or_kubelet_stops_the_probe_with_the_fix()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        var join = Join(node);

        node.Kubeadm.HasKubelet = false;
        Should.Throw<PreconditionFailedException>(() => join.Probe(node.Context)).Message.ShouldContain("kubelet is not installed");
        node.Kubeadm.InstalledVersion = null;
        Should.Throw<PreconditionFailedException>(() => join.Probe(node.Context)).Message.ShouldContain("kubeadm is not installed");
    }

    [Fact]
    public void Kubeadm_of_another_version_than_kubernetes_version_stops_the_probe()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");

        var error = Should.Throw<PreconditionFailedException>(() => Join(node, "v1.32.1").Probe(node.Context));

        error.Message.ShouldContain("kubeadm is v1.31.0, but general.kubernetes_version is v1.32.1");
        Join(node, "v1.31.0").Probe(node.Context).State.ShouldBe(ProbeState.Absent);
        Join(node, "1.31.0").Probe(node.Context).State.ShouldBe(ProbeState.Absent);
    }

    [Theory]
    [InlineData("v1.30.14")]
    [InlineData("v1.28.0")]
    public void Kubeadm_older_than_1_31_stops_the_probe_naming_its_version_and_the_floor(string installed)
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        node.Kubeadm.InstalledVersion = installed;

        var error = Should.Throw<PreconditionFailedException>(() => Join(node).Probe(node.Context));

        error.Message.ShouldContain($"kubeadm is {installed}, older than v1.31");
        error.Message.ShouldContain("install kubeadm and kubelet v1.31 or newer");
        node.Kubeadm.Calls.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("v1.31.0")]
    [InlineData("v1.36.0")]
    [InlineData("v1.32.0-rc.1")]
    public void Kubeadm_1_31_and_newer_passes_the_floor(string installed)
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        node.Kubeadm.InstalledVersion = installed;

        Join(node).Probe(node.Context).State.ShouldBe(ProbeState.Absent);
    }

    [Fact]
    public void A_missing_or_stale_kubeadm_file_sends_the_user_to_prepare()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        var join = Join(node);

        node.Files.WithFile(KubeadmConfig.FilePath, "# edited by hand\n");
        Should.Throw<PreconditionFailedException>(() => join.Probe(node.Context)).Message.ShouldContain("run `sixgill prepare` again");
        node.Files.Delete(KubeadmConfig.FilePath);
        Should.Throw<PreconditionFailedException>(() => join.Probe(node.Context)).Message.ShouldContain("run `sixgill prepare` on this node first");
    }

    [Fact]
    public void A_failing_kubeadm_throws_from_apply()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        node.Kubeadm.FailOn = "join";
        var join = Join(node);

        Should.Throw<InvalidOperationException>(() => join.Apply(node.Context, join.PrepareUndo(node.Context))).Message.ShouldContain("exited with 1");
    }

    [Fact]
    public void A_copy_waits_for_its_source_then_copies_it_for_its_owner_into_a_new_directory()
    {
        var node = new UpTestNode(TestClusters.Lab(), "gw", sudoUser: "ada");
        var copy = new CopyFile(FakeKubeadm.AdminConf, "/home/ada/.kube/config", Private, new FileOwner(1000, 1000));

        copy.Probe(node.Context).ShouldBe(ProbeResult.Absent("/etc/kubernetes/admin.conf does not exist yet"));
        node.Kubeadm.Run(["init"]);
        var undo = copy.PrepareUndo(node.Context);
        copy.Apply(node.Context, undo);

        node.Text("/home/ada/.kube/config").ShouldBe(node.Text(FakeKubeadm.AdminConf));
        node.Files.ModeOf("/home/ada/.kube/config").ShouldBe(Private);
        node.Files.OwnerOf("/home/ada/.kube/config").ShouldBe((1000u, 1000u));
        node.Files.OwnerOf("/home/ada/.kube").ShouldBe((1000u, 1000u));
        node.Files.OwnerOf("/home/ada").ShouldBe((0u, 0u), "the home directory was there: not Sixgill's to give away");
        copy.Probe(node.Context).State.ShouldBe(ProbeState.Present);

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.Reverted);
        node.Text("/home/ada/.kube/config").ShouldBeNull();
        node.Files.DirectoryExists("/home/ada/.kube").ShouldBeFalse();
        node.Files.DirectoryExists("/home/ada").ShouldBeTrue();
    }

    [Fact]
    public void A_copy_with_the_wrong_owner_is_different()
    {
        var node = new UpTestNode(TestClusters.Lab(), "gw");
        node.Kubeadm.Run(["init"]);
        node.Files.WithFile("/home/ada/.kube/config", node.Text(FakeKubeadm.AdminConf)!, Private);
        var copy = new CopyFile(FakeKubeadm.AdminConf, "/home/ada/.kube/config", Private, new FileOwner(1000, 1000));

        copy.Probe(node.Context).ShouldBe(ProbeResult.Different("owner 0:0"));
    }

    [Fact]
    public void A_kubeconfig_the_person_had_comes_back_on_undo()
    {
        var node = new UpTestNode(TestClusters.Lab(), "gw");
        node.Files.WithFile("/root/.kube/config", "# my other cluster\n", Private);
        node.Kubeadm.Run(["init"]);
        var copy = new CopyFile(FakeKubeadm.AdminConf, "/root/.kube/config", Private);

        var undo = copy.PrepareUndo(node.Context);
        copy.Apply(node.Context, undo);
        node.Text("/root/.kube/config").ShouldBe(node.Text(FakeKubeadm.AdminConf));
        undo.Revert(node.Context);

        node.Text("/root/.kube/config").ShouldBe("# my other cluster\n");
    }

    [Fact]
    public void A_copy_whose_source_changed_since_its_undo_was_journalled_is_refused()
    {
        var node = new UpTestNode(TestClusters.Lab(), "gw");
        node.Kubeadm.Run(["init"]);
        var copy = new CopyFile(FakeKubeadm.AdminConf, "/root/.kube/config", Private);
        var undo = copy.PrepareUndo(node.Context);
        node.Files.WithFile(FakeKubeadm.AdminConf, "changed\n");

        Should.Throw<InvalidOperationException>(() => copy.Apply(node.Context, undo)).Message.ShouldContain("changed while Sixgill was writing /root/.kube/config");
    }

    [Fact]
    public void Undoing_the_cni_config_deletes_the_bridge_its_plugin_made_and_no_other_file()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        var cni = node.UpPlan().Steps.OfType<EnsureCniConfig>().Single();
        var foreign = node.Text(UpTestNode.ForeignCniFile);

        var undo = cni.PrepareUndo(node.Context);
        cni.Apply(node.Context, undo);
        node.Network.WithLink("cni0", true, "fd00:40::3:0:0:1/80"); // the bridge plugin, when the first pod starts
        var outcome = undo.Revert(node.Context);

        outcome.Status.ShouldBe(UndoStatus.Reverted);
        outcome.Detail.ShouldBe("deleted /etc/cni/net.d/00-sixgill.conflist, deleted link cni0");
        node.Network.FindLink("cni0").ShouldBeNull();
        node.Text(CniConfig.FilePath).ShouldBeNull();
        node.Text(UpTestNode.ForeignCniFile).ShouldBe(foreign);
        node.Files.DirectoryExists("/etc/cni/net.d").ShouldBeTrue();
    }

    [Fact]
    public void A_bridge_that_was_there_before_the_cni_config_stays()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        node.Network.WithLink("cni0", true);
        var cni = node.UpPlan().Steps.OfType<EnsureCniConfig>().Single();

        var undo = cni.PrepareUndo(node.Context);
        cni.Apply(node.Context, undo);
        undo.Revert(node.Context);

        node.Network.FindLink("cni0").ShouldNotBeNull();
        undo.Describe().ShouldBe("delete /etc/cni/net.d/00-sixgill.conflist");
    }

    [Fact]
    public void A_cni_config_someone_changed_since_is_left_with_its_bridge()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        var cni = node.UpPlan().Steps.OfType<EnsureCniConfig>().Single();
        var undo = cni.PrepareUndo(node.Context);
        cni.Apply(node.Context, undo);
        node.Network.WithLink("cni0", true);
        node.Files.WithFile(CniConfig.FilePath, "{}\n");

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.LeftAlone);

        node.Network.FindLink("cni0").ShouldNotBeNull();
    }

    [Fact]
    public void The_new_undo_kinds_survive_the_journal()
    {
        var node = new UpTestNode(TestClusters.Lab(), "w1");
        var cni = node.UpPlan().Steps.OfType<EnsureCniConfig>().Single();
        var entries = new[] { cni.PrepareUndo(node.Context), new ResetKubeadm() }
            .Select((undo, i) => new JournalEntry(i + 1, "up", "id", "description", JournalEntryState.Applied, DateTimeOffset.UnixEpoch, undo));
        var document = new JournalDocument(JournalDocument.CurrentVersion, [.. entries]);

        var json = Encoding.UTF8.GetString(JournalLog.Whole(document));
        var back = JournalLog.Read(Encoding.UTF8.GetBytes(json))!.Document;

        json.ShouldContain("\"kind\":\"cni\"");
        json.ShouldContain("\"kind\":\"kubeadm\"");
        back.Entries.Select(e => e.Undo.GetType()).ShouldBe([typeof(RevertCniConfig), typeof(ResetKubeadm)]);
        Encoding.UTF8.GetString(JournalLog.Whole(back)).ShouldBe(json);
    }
}
