using System.Text;
using Sixgill.Engine;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Engine;

/// <summary>The journal file as a log: appended changes, compaction, a torn last line, and the journals of older versions.</summary>
public sealed class JournalLogTests
{
    private const string Path = "/var/lib/sixgill/journal.json";

    private static JournalEntry Entry(long sequence, JournalEntryState state = JournalEntryState.Applying) =>
        new(sequence, "prepare", $"sysctl:k{sequence}", $"step {sequence}", state, DateTimeOffset.UnixEpoch, new RevertSysctl($"net.k{sequence}", "0", "1"));

    private static JournalDocument Document(params JournalEntry[] entries) => new(JournalDocument.CurrentVersion, [.. entries], "w1", "sha256:abc");

    [Fact]
    public void Each_save_after_the_first_appends_only_its_changes_and_a_compaction_leaves_one_line()
    {
        var files = new FakeFiles().WithDirectory("/var/lib/sixgill");
        var store = new JournalFile(files, Path);
        store.Load().ShouldBeNull();

        store.Save(Document(Entry(1)));
        store.Save(Document(Entry(1, JournalEntryState.Applied), Entry(2)));
        store.Save(Document(Entry(2)), durable: false);

        files.Log.ShouldBe([$"write {Path}", $"append {Path}", $"append {Path}"]);
        files.Text(Path)!.Split('\n').ShouldBe(
        [
            files.Text(Path)!.Split('\n')[0],
            "{\"applied\":1}",
            Encoding.UTF8.GetString(JournalLog.Lines([new JournalChange(Begin: Entry(2))]))[..^1],
            "{\"removed\":1}",
            "",
        ]);
        new JournalFile(files, Path).Load().ShouldBe(Document(Entry(2)), new DocumentComparer());

        store.Compact(Document(Entry(2)));

        files.Text(Path)!.Count(c => c == '\n').ShouldBe(1);
        new JournalFile(files, Path).Load().ShouldBe(Document(Entry(2)), new DocumentComparer());
    }

    [Fact]
    public void A_compact_journal_that_nothing_changed_is_not_written_again()
    {
        var files = new FakeFiles().WithDirectory("/var/lib/sixgill");
        new JournalFile(files, Path).Save(Document(Entry(1, JournalEntryState.Applied)));
        files.Log.Clear();
        var store = new JournalFile(files, Path);

        store.Compact(store.Load()!);

        files.Log.ShouldBeEmpty();
    }

    [Fact]
    public void A_torn_last_line_is_left_out_and_the_next_save_writes_the_file_whole()
    {
        var files = new FakeFiles().WithDirectory("/var/lib/sixgill");
        var store = new JournalFile(files, Path);
        store.Save(Document(Entry(1)));
        store.Save(Document(Entry(1, JournalEntryState.Applied), Entry(2)));
        var whole = files.Text(Path)!;
        files.WithFile(Path, whole[..^7]); // the append of entry 2 cut short by a crash

        var reloaded = new JournalFile(files, Path);
        reloaded.Load().ShouldBe(Document(Entry(1, JournalEntryState.Applied)), new DocumentComparer());
        files.Log.Clear();
        reloaded.Save(Document(Entry(1, JournalEntryState.Applied), Entry(3)));

        files.Log.ShouldBe([$"write {Path}"]);
        new JournalFile(files, Path).Load().ShouldBe(Document(Entry(1, JournalEntryState.Applied), Entry(3)), new DocumentComparer());
    }

    [Fact]
    public void A_journal_of_version_2_is_read_and_the_first_save_rewrites_it_as_version_3()
    {
        const string Legacy = """
            {
              "version": 2,
              "entries": [
                {
                  "sequence": 1,
                  "command": "prepare",
                  "stepId": "sysctl:net.ipv6.conf.all.forwarding",
                  "description": "sysctl net.ipv6.conf.all.forwarding = 1",
                  "state": "applied",
                  "at": "2026-12-01T10:00:00+00:00",
                  "undo": { "kind": "sysctl", "key": "net.ipv6.conf.all.forwarding", "previous": "0", "applied": "1" }
                }
              ],
              "node": "w1",
              "config": "sha256:abc"
            }
            """;
        var files = new FakeFiles().WithDirectory("/var/lib/sixgill").WithFile(Path, Legacy);
        var store = new JournalFile(files, Path);

        var loaded = store.Load().ShouldNotBeNull();

        loaded.Version.ShouldBe(2);
        loaded.Entries.Single().Undo.ShouldBe(new RevertSysctl("net.ipv6.conf.all.forwarding", "0", "1"));
        files.Log.Clear();
        store.Save(loaded with { Version = JournalDocument.CurrentVersion, Entries = [] }, durable: false);
        files.Log.ShouldBe([$"write {Path}"]);
        files.Text(Path)!.ShouldStartWith("{\"version\":3,");
    }

    [Fact]
    public void A_change_line_that_names_no_entry_refuses_the_journal_with_the_way_out()
    {
        var files = new FakeFiles().WithDirectory("/var/lib/sixgill");
        new JournalFile(files, Path).Save(Document(Entry(1)));
        files.WithFile(Path, files.Text(Path) + "{\"removed\":7}\n");

        var refusal = Should.Throw<JournalRefusedException>(() => new JournalFile(files, Path).Load());

        refusal.Message.ShouldContain("line 2 names entry 7");
        refusal.Fix.ShouldContain($"mv {Path} {Path}.bad");
    }

    [Fact]
    public void A_change_other_than_the_applied_mark_is_not_said_as_an_append()
    {
        var before = Document(Entry(1));
        var after = Document(Entry(1) with { Description = "another" });

        JournalLog.Changes(before, after).ShouldBeNull();
        JournalLog.Changes(before, before with { Node = "w2" }).ShouldBe([new JournalChange(Owner: new JournalOwner("w2", "sha256:abc"))]);
    }

    /// <summary>Documents compare by value, their entry lists included.</summary>
    private sealed class DocumentComparer : IEqualityComparer<JournalDocument>
    {
        public bool Equals(JournalDocument? x, JournalDocument? y) =>
            x is not null && y is not null && (x.Version, x.Node, x.Config) == (y.Version, y.Node, y.Config) && x.Entries.SequenceEqual(y.Entries);

        public int GetHashCode(JournalDocument obj) => obj.Entries.Length;
    }

    [Fact]
    public void Every_kind_of_undo_has_one_journal_name_and_is_read_back_as_itself()
    {
        var concrete = typeof(Undo).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Undo)) && !t.IsAbstract).ToHashSet();
        UndoJson.Kinds.Select(k => k.Type).ShouldBe(concrete, ignoreOrder: true);
        UndoJson.Kinds.Select(k => k.Name).Distinct().Count().ShouldBe(UndoJson.Kinds.Count);

        var line = Encoding.UTF8.GetString(JournalLog.Lines([new JournalChange(Begin: Entry(3))]));
        line.ShouldContain("\"undo\":{\"kind\":\"sysctl\"");
        JournalLog.Read(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(JournalLog.Whole(Document())) + line))!.Document.Entries.Single().Undo.ShouldBe(Entry(3).Undo);
    }
}
