using Sixgill.Steps;

namespace Sixgill.Tests.Steps;

public sealed class EnsureFileTests
{
    private static readonly UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly EnsureFile Kubeadm = new("/etc/sixgill/kubeadm.yaml", FileBody.FromText("token: abcdef.0123456789abcdef\n"), Private);

    [Fact]
    public void A_new_file_and_the_directories_made_for_it_go_again_on_undo()
    {
        var node = new StepTestNode();
        var before = node.Snapshot();

        var undo = (RestoreFile)node.Apply(Kubeadm);
        node.Files.ModeOf(Kubeadm.Path).ShouldBe(Private);
        undo.CreatedDirectories.ShouldBe(["/etc/sixgill"]);
        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.Reverted);

        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Without_a_journal_the_file_and_the_empty_directories_named_after_sixgill_go()
    {
        var node = new StepTestNode();
        node.Apply(Kubeadm);
        node.Apply(new EnsureFile("/etc/sysctl.d/60-sixgill.conf", FileBody.FromText("x\n"), Private));

        var kubeadm = (RestoreFile)Kubeadm.FindUndo(node.Context)!;
        var sysctl = (RestoreFile)new EnsureFile("/etc/sysctl.d/60-sixgill.conf", FileBody.FromText("x\n"), Private).FindUndo(node.Context)!;

        kubeadm.CreatedDirectories.ShouldBe(["/etc/sixgill"]);
        sysctl.CreatedDirectories.ShouldBeEmpty("/etc/sysctl.d is the system's, even when Sixgill made it");
        kubeadm.Revert(node.Context).Status.ShouldBe(UndoStatus.Reverted);
        node.Files.DirectoryExists("/etc/sixgill").ShouldBeFalse();
    }

    [Fact]
    public void A_replaced_file_is_backed_up_privately_and_restored_with_its_mode()
    {
        var node = new StepTestNode();
        node.Files.WithFile("/etc/sixgill/kubeadm.yaml", "# edited by hand\n", (UnixFileMode)Convert.ToInt32("640", 8));
        var before = node.Snapshot();
        Kubeadm.Probe(node.Context).ShouldBe(ProbeResult.Different("content differs"));

        var undo = (RestoreFile)node.Apply(Kubeadm);
        node.Files.Text(undo.Previous!.Backup).ShouldBe("# edited by hand\n");
        node.Files.ModeOf(undo.Previous.Backup).ShouldBe(Private);
        undo.Revert(node.Context).ShouldBe(UndoOutcome.Reverted("restored /etc/sixgill/kubeadm.yaml"));

        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_file_someone_changed_since_is_left_alone()
    {
        var node = new StepTestNode();
        var undo = node.Apply(Kubeadm);
        node.Files.WithFile(Kubeadm.Path, "mine now\n");

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.LeftAlone);

        node.Files.Text(Kubeadm.Path).ShouldBe("mine now\n");
    }

    [Fact]
    public void Only_a_wrong_mode_is_a_difference_too()
    {
        var node = new StepTestNode();
        node.Files.WithFile(Kubeadm.Path, "token: abcdef.0123456789abcdef\n", (UnixFileMode)Convert.ToInt32("644", 8));

        Kubeadm.Probe(node.Context).ShouldBe(ProbeResult.Different("mode 0644"));
        node.Apply(Kubeadm);

        node.Files.ModeOf(Kubeadm.Path).ShouldBe(Private);
    }

    [Fact]
    public void Undo_of_an_intent_that_was_never_applied_does_nothing()
    {
        var node = new StepTestNode();
        node.Files.WithFile(Kubeadm.Path, "old\n");
        var undo = Kubeadm.PrepareUndo(node.Context);
        var before = node.Snapshot();

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.NothingToDo);

        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Printing_a_file_step_shows_a_hash_never_the_content()
    {
        Kubeadm.ToString().ShouldNotContain("0123456789abcdef");
        Kubeadm.Description.ShouldBe("file /etc/sixgill/kubeadm.yaml (0600)");
    }
}
