using System.Text;
using Sixgill.Engine;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Steps.Text;
using Sixgill.Tests.Engine.Fakes;
using Sixgill.Values;

namespace Sixgill.Tests.Engine;

public sealed class JournalFileTests
{
    private const string Path = "/var/lib/sixgill/journal.json";

    private static readonly Undo[] EveryKind =
    [
        new RevertAddress("eth0", InterfaceAddress.Parse("fd00:20::2/64"), AddressWasThere: false, InterfaceAddress.Parse("fd00:20::2/48"), LinkWasDown: true),
        new RevertRoute(new KernelRoute(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:20::3"), "eth0"), new KernelRoute(Prefix.Parse("fd00:10::/64"), null, "nat64")),
        new RevertSysctl("net.ipv6.conf.all.forwarding", "0", "1"),
        new RestoreFile("/etc/sixgill/kubeadm.yaml", new string('a', 64), new PreviousFile("/var/lib/sixgill/backups/x", new string('b', 64), (UnixFileMode)Convert.ToInt32("640", 8)), ["/etc/sixgill"]),
        new RevertLineEdit("/etc/hosts", new LineEdit(["fd00:20::2 n1 # sixgill"], ["127.0.1.1 n1"], true), FileExisted: true),
        new UndoWithRestart(new RevertSysctl("net.ipv6.conf.all.forwarding", "0", "1"), "systemd-resolved.service"),
    ];

    private static readonly Undo[] GatewayKinds =
    [
        new RemoveLink("sixgill0", Created: false, InterfaceAddress.Parse("fd00:10::100/64"), LinkWasDown: true),
        new RemoveDirectory("/run/sixgill/dns64", ["/run/sixgill", "/run/sixgill/dns64"], null, WithFiles: true),
        new RemoveDirectory("/var/lib/sixgill/nat64", [], new DirectoryOwnership((UnixFileMode)Convert.ToInt32("750", 8), 106, 110), WithFiles: false),
        new DeleteNftTable("ip", "sixgill"),
        new StopDaemon("named", "/etc/sixgill/dns64/named.conf", "/run/sixgill/dns64/named.pid", WasRunning: false),
        new ReloadProfileAfter(new RevertLineEdit("/etc/apparmor.d/local/usr.sbin.named", new LineEdit(["/run/sixgill/dns64/ rw, # sixgill"], [], false), FileExisted: false), "/etc/apparmor.d/usr.sbin.named"),
    ];

    [Fact]
    public void The_gateways_undos_survive_the_journal_file()
    {
        var files = new FakeFiles();
        var store = new JournalFile(files, Path);
        var gateway = GatewayKinds;

        store.Save(new JournalDocument(JournalDocument.CurrentVersion, [.. gateway.Select((undo, i) => new JournalEntry(i + 1, "prepare", $"s{i}", "s", JournalEntryState.Applied, DateTimeOffset.UnixEpoch, undo))]));
        var loaded = store.Load()!.Entries.Select(e => e.Undo).ToList();

        loaded[0].ShouldBe(gateway[0]);
        ((RemoveDirectory)loaded[1]).Created.ShouldBe(["/run/sixgill", "/run/sixgill/dns64"]);
        ((RemoveDirectory)loaded[2]).Previous.ShouldBe(new DirectoryOwnership((UnixFileMode)Convert.ToInt32("750", 8), 106, 110));
        loaded[3].ShouldBe(gateway[3]);
        loaded[4].ShouldBe(gateway[4]);
        ((ReloadProfileAfter)loaded[5]).Lines.Edit.Added.ShouldBe(["/run/sixgill/dns64/ rw, # sixgill"]);
        files.Text(Path)!.ShouldContain("\"kind\":\"daemon\"");
    }

    [Fact]
    public void The_docker_runtimes_undos_survive_the_journal_file()
    {
        var files = new FakeFiles();
        var store = new JournalFile(files, Path);
        Undo[] docker = [new RemoveDockerNetwork("support_net"), new RemoveContainer("tayga")];

        store.Save(new JournalDocument(JournalDocument.CurrentVersion, [.. docker.Select((undo, i) => new JournalEntry(i + 1, "prepare", $"s{i}", "s", JournalEntryState.Applied, DateTimeOffset.UnixEpoch, undo))]));

        store.Load()!.Entries.Select(e => e.Undo).ShouldBe(docker);
        files.Text(Path)!.ShouldContain("\"kind\":\"docker-network\"");
        files.Text(Path)!.ShouldContain("\"kind\":\"container\"");
    }

    [Fact]
    public void Every_kind_of_undo_survives_the_journal_file()
    {
        var files = new FakeFiles();
        var store = new JournalFile(files, Path);
        var entries = EveryKind.Select((undo, i) => new JournalEntry(i + 1, "prepare", $"step{i}", $"step {i}", JournalEntryState.Applied, DateTimeOffset.UnixEpoch, undo));

        store.Save(new JournalDocument(JournalDocument.CurrentVersion, [.. entries]));
        var loaded = store.Load()!;

        loaded.Entries.Select(e => e.Undo.GetType()).ShouldBe(EveryKind.Select(u => u.GetType()));
        foreach (var i in new[] { 0, 1, 2, 5 })
        {
            loaded.Entries[i].Undo.ShouldBe(EveryKind[i]); // plain records compare by value
        }

        var file = (RestoreFile)loaded.Entries[3].Undo;
        file.Previous.ShouldBe(((RestoreFile)EveryKind[3]).Previous);
        file.CreatedDirectories.ShouldBe(["/etc/sixgill"]);
        ((RevertLineEdit)loaded.Entries[4].Undo).Edit.ShouldBe(((RevertLineEdit)EveryKind[4]).Edit);
    }

    [Fact]
    public void The_journal_reads_like_a_log()
    {
        var files = new FakeFiles();
        new JournalFile(files, Path).Save(new JournalDocument(1, [new JournalEntry(1, "prepare", "file:/etc/sixgill/kubeadm.yaml", "file …", JournalEntryState.Applying, DateTimeOffset.UnixEpoch, EveryKind[3])]));

        var text = files.Text(Path)!;

        text.ShouldContain("\"kind\":\"file\"");
        text.ShouldContain("\"mode\":\"0640\"");
        text.ShouldContain("\"state\":\"Applying\"");
        new JournalFile(files, Path).Save(new JournalDocument(1, [new JournalEntry(1, "prepare", "a", "a", JournalEntryState.Applied, DateTimeOffset.UnixEpoch, EveryKind[0])]));
        files.Text(Path)!.ShouldContain("\"address\":\"fd00:20::2/64\"");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"version":1,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"reboot"}}]}""")]
    [InlineData("""{"version":1,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"sysctl","key":"net.x","previous":"0","applied":"1"}}],"extra":"x"}""")]
    [InlineData("""{"version":1,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"address","interface":"eth0","address":"not an address","replaced":null,"linkWasDown":false}}]}""")]
    [InlineData("""{"version":99,"entries":[]}""")]
    [InlineData("""{"version":1,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"sysctl","key":"net.x","applied":"1"}}]}""")]
    public void A_journal_Sixgill_cannot_read_stops_it_instead_of_guessing(string text)
    {
        var files = new FakeFiles().WithFile(Path, text);

        Should.Throw<PreconditionFailedException>(() => new JournalFile(files, Path).Load()).Message.ShouldContain(Path);
    }

    [Fact]
    public void No_journal_file_is_no_journal()
    {
        new JournalFile(new FakeFiles(), Path).Load().ShouldBeNull();
    }

    [Fact]
    public void The_journal_is_readable_by_every_user_for_plan_clean()
    {
        var files = new FakeFiles();

        new JournalFile(files, Path).Save(JournalDocument.Empty);

        files.ModeOf(Path).ShouldBe((UnixFileMode)Convert.ToInt32("644", 8));
        Encoding.UTF8.GetString(files.Read(Path)!).ShouldContain("\"entries\":[]");
    }
}
