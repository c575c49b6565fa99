using Sixgill.Facts;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

public sealed class EnsureDirectoryTests
{
    private static readonly UnixFileMode Mode750 = FakeNode.Mode("750");

    private static readonly EnsureDirectory NamedRun = new("/run/sixgill/dns64", Mode750, "bind", "bind", HoldsDaemonFiles: true);

    [Fact]
    public void A_daemon_directory_and_its_missing_parent_are_made_for_the_user_and_go_with_the_daemons_files()
    {
        var node = new FakeGatewayNode();
        var before = node.Snapshot();
        NamedRun.Probe(node.Context).State.ShouldBe(ProbeState.Absent);

        var undo = (RemoveDirectory)node.Apply(NamedRun);

        NamedRun.Probe(node.Context).ShouldBe(ProbeResult.Present);
        node.Files.OwnerOf("/run/sixgill/dns64").ShouldBe((FakeGatewayNode.BindId, FakeGatewayNode.BindId));
        node.Files.ModeOf("/run/sixgill/dns64").ShouldBe(Mode750);
        node.Files.ModeOf("/run/sixgill").ShouldBe(FakeNode.Mode("755"));
        undo.Created.ShouldBe(["/run/sixgill", "/run/sixgill/dns64"]);

        node.Files.WriteAsDaemon("/run/sixgill/dns64/named.pid", "1234\n");
        undo.Revert(node.Context).Detail.ShouldBe("deleted /run/sixgill/dns64, /run/sixgill");
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_directory_that_was_there_gets_its_owner_and_mode_back()
    {
        var node = new FakeGatewayNode();
        node.Files.WithDirectory("/run/sixgill/dns64");
        var before = node.Snapshot();
        NamedRun.Probe(node.Context).Detail.ShouldBe("now uid 0, gid 0, mode 0755");

        var undo = node.Apply(NamedRun);
        NamedRun.Probe(node.Context).ShouldBe(ProbeResult.Present);

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.Reverted);
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_subdirectory_someone_made_inside_keeps_the_directory()
    {
        var node = new FakeGatewayNode();
        var undo = node.Apply(NamedRun);
        node.Files.WithDirectory("/run/sixgill/dns64/keep");

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.LeftAlone);
        node.Files.DirectoryExists("/run/sixgill/dns64/keep").ShouldBeTrue();
    }

    [Fact]
    public void A_directory_that_is_not_a_daemons_own_goes_only_when_empty()
    {
        var node = new FakeGatewayNode();
        var step = NamedRun with { HoldsDaemonFiles = false };
        var undo = node.Apply(step);
        node.Files.WithFile("/run/sixgill/dns64/someones", "x");

        undo.Revert(node.Context).Status.ShouldBe(UndoStatus.LeftAlone);
        node.Files.Text("/run/sixgill/dns64/someones").ShouldBe("x");
    }

    [Fact]
    public void A_missing_user_stops_the_run_before_anything_changes()
    {
        var node = new FakeGatewayNode();

        Should.Throw<PreconditionFailedException>(() => (NamedRun with { Owner = "named" }).Probe(node.Context)).Message
            .ShouldBe("the user named does not exist on this node (/etc/passwd)");
    }

    [Fact]
    public void A_file_where_the_directory_belongs_stops_the_run()
    {
        var node = new FakeGatewayNode();
        node.Files.WithFile("/run/sixgill/dns64", "not a directory");

        Should.Throw<PreconditionFailedException>(() => NamedRun.Probe(node.Context));
    }

    [Fact]
    public void Ids_come_from_the_accounts_files_by_whole_name()
    {
        const string passwd = "root:x:0:0::/root:/bin/sh\nbind9:x:7:7::/:/bin/false\nbind:x:106:110::/var/cache/bind:/usr/sbin/nologin\n";

        SystemAccounts.IdIn(passwd, "bind").ShouldBe(106u);
        SystemAccounts.IdIn(passwd, "bin").ShouldBeNull();
        SystemAccounts.IdIn("bind:x:notanumber:1::/:\n", "bind").ShouldBeNull();
    }
}
