using System.Text;
using Sixgill.Engine;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Steps.Text;
using Sixgill.Values;

namespace Sixgill.Tests.Engine;

/// <summary>
/// The journal's JSON, written and read by hand: byte for byte what earlier releases wrote (golden
/// files made by the serializer they used), every kind read back, and a precise refusal of anything else.
/// </summary>
public sealed class JournalJsonTests
{
    private static readonly Undo[] All =
    [
        new RevertAddress("eth0", InterfaceAddress.Parse("fd00:20::2/64"), AddressWasThere: false, InterfaceAddress.Parse("fd00:20::2/48"), LinkWasDown: true),
        new RevertAddress("eth0", InterfaceAddress.Parse("10.0.0.1/24"), AddressWasThere: true, null, LinkWasDown: false),
        new RevertRoute(new KernelRoute(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:20::3"), "eth0"), new KernelRoute(Prefix.Parse("fd00:10::/64"), null, "nat64")),
        new RevertRoute(new KernelRoute(Prefix.Parse("0.0.0.0/0"), Ip.Parse("10.0.0.1"), null), null),
        new RevertSysctl("net.ipv6.conf.all.forwarding", "0", "1"),
        new RevertSysctl("net.x", null, "1"),
        new RestoreFile("/etc/sixgill/kubeadm.yaml", new string('a', 64), new PreviousFile("/var/lib/sixgill/backups/x", new string('b', 64), (UnixFileMode)Convert.ToInt32("640", 8)), ["/etc/sixgill"]),
        new RestoreFile("/etc/x", new string('c', 64), null, []),
        new RevertLineEdit("/etc/hosts", new LineEdit(["fd00:20::2 n1 # sixgill", "é<'+\"&\\\t>"], ["127.0.1.1 n1"], true), FileExisted: true),
        new UndoWithRestart(new RevertSysctl("net.ipv6.conf.all.forwarding", "0", "1"), "systemd-resolved.service"),
        new RemoveLink("sixgill0", Created: false, InterfaceAddress.Parse("fd00:10::100/64"), LinkWasDown: true),
        new RemoveLink("nat64", Created: true, null, LinkWasDown: false),
        new RemoveDirectory("/run/sixgill/dns64", ["/run/sixgill", "/run/sixgill/dns64"], null, WithFiles: true),
        new RemoveDirectory("/var/lib/sixgill/nat64", [], new DirectoryOwnership((UnixFileMode)Convert.ToInt32("750", 8), 106, 110), WithFiles: false),
        new DeleteNftTable("ip", "sixgill"),
        new StopDaemon("named", "/etc/sixgill/dns64/named.conf", "/run/sixgill/dns64/named.pid", WasRunning: false),
        new ReloadProfileAfter(new RevertLineEdit("/etc/apparmor.d/local/usr.sbin.named", new LineEdit(["/run/sixgill/dns64/ rw, # sixgill"], [], false), FileExisted: false), "/etc/apparmor.d/usr.sbin.named"),
        new RemoveSystemdService("sixgill-tayga.service", new RestoreFile("/etc/systemd/system/sixgill-tayga.service", new string('d', 64), null, []), WasEnabled: false, WasActive: true),
        new RemoveSystemdService("x.service", null, WasEnabled: true, WasActive: false),
        new RevertCniConfig(new RestoreFile("/etc/cni/net.d/10-bridge.conf", new string('e', 64), null, ["/etc/cni", "/etc/cni/net.d"]), "cni0", BridgeExisted: false),
        new RevertCniConfig(new RestoreFile("/etc/cni/net.d/10-bridge.conf", new string('e', 64), null, []), null, BridgeExisted: true),
        new ResetKubeadm(),
        new RemoveDockerNetwork("support_net"),
        new RemoveContainer("tayga"),
        new UnloadKernelModule("br_netfilter", "/run/sixgill/module-br_netfilter"),
        new UndoWithRestart(new RestoreFile("/etc/y", new string('f', 64), null, []), "named.service"),
    ];

    private static readonly DateTimeOffset[] Times =
    [
        DateTimeOffset.UnixEpoch,
        new(2026, 12, 5, 10, 41, 29, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 5, 10, 41, 29, TimeSpan.FromHours(2)).AddTicks(5692527),
        new DateTimeOffset(2026, 12, 5, 10, 41, 29, TimeSpan.FromMinutes(-330)).AddTicks(5000000),
    ];

    private static JournalDocument Doc() => new(
        JournalDocument.CurrentVersion,
        [.. All.Select((undo, i) => new JournalEntry(i + 1, i % 3 == 0 ? "up" : "prepare", $"step:{i}", $"step {i} é<>", i % 2 == 0 ? JournalEntryState.Applied : JournalEntryState.Applying, Times[i % Times.Length], undo))],
        "w1",
        "sha256:abc");

    private static string Golden(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Engine", "Golden", name));

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static JournalLog.Contents Read(string text) => JournalLog.Read(Encoding.UTF8.GetBytes(text)).ShouldNotBeNull();

    private static string Refusal(string text) =>
        Should.Throw<System.Text.Json.JsonException>(() => JournalLog.Read(Encoding.UTF8.GetBytes(text))).Message;

    [Fact]
    public void Every_kind_of_undo_is_written_byte_for_byte_as_the_serializer_of_earlier_releases_wrote_it()
    {
        // The golden files were written by System.Text.Json's source-generated serializer, which
        // wrote the journal up to this release: escapes, nulls, times with offsets and fractions.
        Text(JournalLog.Whole(Doc())).ShouldBe(Golden("journal-every-kind.json"));
        var entry = Doc().Entries[0];
        Text(JournalLog.Lines([
            new JournalChange(Begin: entry), new JournalChange(Applied: 1), new JournalChange(Removed: 1),
            new JournalChange(Owner: new JournalOwner("w2", "sha256:def")), new JournalChange(Owner: new JournalOwner(null, null))]))
            .ShouldBe(Golden("journal-changes.json"));
    }

    [Fact]
    public void A_journal_of_every_kind_reads_back_as_itself()
    {
        var golden = Golden("journal-every-kind.json");

        var contents = Read(golden);

        contents.Compact.ShouldBeTrue();
        contents.Document.Entries.Select(e => e.Undo.GetType()).ShouldBe(All.Select(u => u.GetType()));
        contents.Document.Entries.Select(e => e.At).ShouldBe(Doc().Entries.Select(e => e.At));
        contents.Document.Entries.Select(e => e.Undo.Describe()).ShouldBe(All.Select(u => u.Describe()));
        Text(JournalLog.Whole(contents.Document)).ShouldBe(golden);
    }

    [Fact]
    public void Change_lines_apply_to_the_document_above_them()
    {
        var first = Text(JournalLog.Whole(new JournalDocument(JournalDocument.CurrentVersion, [], "w1", "sha256:abc")));

        var contents = Read(first + Golden("journal-changes.json"));

        contents.Document.Entries.ShouldBeEmpty(); // begun, applied, removed
        (contents.Document.Node, contents.Document.Config).ShouldBe((null, null)); // the last owner line
        contents.Compact.ShouldBeFalse();
    }

    [Fact]
    public void Older_spellings_are_read_a_state_in_lower_case_and_a_version_1_document_without_node_or_config()
    {
        var document = Read("""{"version":1,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"kubeadm"}}]}""").Document;

        document.Entries.Single().State.ShouldBe(JournalEntryState.Applied);
        document.Entries.Single().Undo.ShouldBe(new ResetKubeadm());
        (document.Node, document.Config).ShouldBe((null, null));
    }

    [Theory]
    [InlineData("""{"version":3,"entries":[],"node":"w1","config":null,"extra":1}""", "line 1 has a field extra that Sixgill does not know")]
    [InlineData("""{"version":3,"entries":[],"node":"w1","node":"w2","config":null}""", "line 1 gives node twice")]
    [InlineData("""{"entries":[]}""", "line 1 lacks version")]
    [InlineData("""{"version":"3","entries":[]}""", "line 1: version is '3', not a whole number")]
    [InlineData("""{"version":3,"entries":{}}""", "line 1: entries is an object, not a list")]
    [InlineData("""{"version":3,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Done","at":"2026-01-01T00:00:00Z","undo":{"kind":"kubeadm"}}]}""", "line 1: entries[0]: state is 'Done', not Applying or Applied")]
    [InlineData("""{"version":3,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"yesterday","undo":{"kind":"kubeadm"}}]}""", "line 1: entries[0]: at is 'yesterday', not a date and time (ISO 8601)")]
    [InlineData("""{"version":3,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"reboot"}}]}""", "the undo kind 'reboot' is not one this Sixgill knows (it knows address, route,")]
    [InlineData("""{"version":3,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"sysctl","key":"net.x","applied":"1"}}]}""", "line 1: entries[0]: undo lacks previous")]
    [InlineData("""{"version":3,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"sysctl","key":null,"previous":"0","applied":"1"}}]}""", "line 1: entries[0]: undo: key is null, not text")]
    [InlineData("""{"version":3,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"link","name":"n","created":true,"addedAddress":"fd00::1","linkWasDown":"no"}}]}""", "line 1: entries[0]: undo: linkWasDown is 'no', not true or false")]
    [InlineData("""{"version":3,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"address","interface":"eth0","address":"not an address","addressWasThere":false,"replaced":null,"linkWasDown":false}}]}""", "line 1: entries[0]: undo: 'not an address' in address is not valid")]
    [InlineData("""{"version":3,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"directory","path":"/x","created":[],"previous":{"mode":"0750","uid":-1,"gid":0},"withFiles":false}}]}""", "line 1: entries[0]: undo: previous: uid is -1, not a number from 0 to 4294967295")]
    [InlineData("""{"version":3,"entries":[{"sequence":1,"command":"prepare","stepId":"x","description":"x","state":"Applied","at":"2026-01-01T00:00:00Z","undo":{"kind":"file","path":"/x","writtenSha256":"a","previous":null,"createdDirectories":["/a",2]}}]}""", "line 1: entries[0]: undo: createdDirectories[1] is 2, not text")]
    [InlineData("[]", "line 1 is a list, not an object")]
    public void What_is_not_a_journal_is_refused_naming_the_line_and_the_field(string text, string message)
    {
        Refusal(text + "\n").ShouldStartWith(message);
    }

    [Fact]
    public void A_change_line_with_a_field_sixgill_does_not_know_is_refused_by_its_line()
    {
        var first = Text(JournalLog.Whole(Doc()));

        Refusal(first + "{\"applied\":2}\n{\"undone\":1}\n").ShouldBe("line 3 has a field undone that Sixgill does not know");
    }

    [Fact]
    public void Text_after_a_value_on_its_line_is_refused()
    {
        Should.Throw<System.Text.Json.JsonException>(() => JournalLog.Read(Encoding.UTF8.GetBytes("{\"version\":3,\"entries\":[]} x\n")));
    }
}
