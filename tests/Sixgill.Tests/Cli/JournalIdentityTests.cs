using System.Text.Json;

namespace Sixgill.Tests.Cli;

/// <summary>
/// Journals that cannot lie: the journal names its node and config; clean refuses another node's,
/// checks the probes behind one of another config or one that does not say, and refuses journals
/// that are no journal (null, a directory) with exit 3 and the fix.
/// </summary>
public sealed class JournalIdentityTests
{
    private const string Journal = "/var/lib/sixgill/journal.json";

    private static readonly string Config = CliRun.Example("lab.yaml");

    [Fact]
    public void Prepare_writes_the_node_and_the_config_digest_into_the_journal()
    {
        var node = new FakeChangeNode();

        CliRun.On(node.Environment(), Args("prepare")).ExitCode.ShouldBe(0);

        using var journal = JsonDocument.Parse(node.Files.Text(Journal)!);
        journal.RootElement.GetProperty("version").GetInt32().ShouldBe(3);
        journal.RootElement.GetProperty("node").GetString().ShouldBe("w1");
        journal.RootElement.GetProperty("config").GetString().ShouldBe(DigestOf(File.ReadAllText(Config)));
    }

    [Theory]
    [InlineData("""{"version":1,"entries":[]}""")]
    [InlineData("""{"version":2,"entries":[],"node":"w1","config":"sha256:0000"}""")]
    public void An_empty_journal_that_does_not_match_this_config_does_not_hide_the_changes_of_prepare(string lie)
    {
        var node = new FakeChangeNode();
        var before = node.FakeNetwork.Snapshot() + node.Files.Snapshot();
        CliRun.On(node.Environment(), Args("prepare")).ExitCode.ShouldBe(0);
        node.Files.Write(Journal, System.Text.Encoding.UTF8.GetBytes(lie));

        var plan = CliRun.On(node.Environment(), Args("plan", "clean"));
        var clean = CliRun.On(node.Environment(), Args("clean"));

        plan.Out.ShouldContain("not in the journal: found on the node");
        clean.ExitCode.ShouldBe(0, clean.Error);
        clean.Out.ShouldContain("by probing the node");
        clean.Out.ShouldContain("[not in the journal: found by probing]");
        clean.Error.ShouldContain("warning");
        clean.Out.ShouldContain("sysctl net.ipv6.conf.all.forwarding: value before unknown"); // as with no journal: said, and left
        (node.FakeNetwork.Snapshot() + node.Files.Snapshot()).ShouldBe(before);
        CliRun.On(node.Environment(), Args("clean")).Out.ShouldStartWith("clean on w1: nothing to undo");
    }

    [Fact]
    public void A_journal_of_another_config_is_undone_and_what_it_does_not_record_is_found_by_the_probes()
    {
        var node = new FakeChangeNode();
        var before = node.Snapshot();
        CliRun.On(node.Environment(), Args("prepare")).ExitCode.ShouldBe(0);
        var edited = CliRun.TempConfig(File.ReadAllText(Config) + "\n# edited after prepare\n");
        try
        {
            var clean = CliRun.On(node.Environment(), "clean", "-c", edited, "--host", "w1");

            clean.ExitCode.ShouldBe(0, clean.Error);
            clean.Out.ShouldContain("another config");
            node.Snapshot().ShouldBe(before);
        }
        finally
        {
            File.Delete(edited);
        }
    }

    [Fact]
    public void Another_nodes_journal_is_refused_with_exit_3_and_nothing_changes()
    {
        var node = new FakeChangeNode();
        CliRun.On(node.Environment(), Args("prepare")).ExitCode.ShouldBe(0);
        var foreign = node.Files.Text(Journal)!.Replace("\"node\":\"w1\"", "\"node\":\"w2\"", StringComparison.Ordinal);
        node.Files.Write(Journal, System.Text.Encoding.UTF8.GetBytes(foreign));
        var prepared = node.Snapshot();

        foreach (var verb in new[] { "clean", "prepare" })
        {
            var run = CliRun.On(node.Environment(), Args(verb));

            run.ExitCode.ShouldBe(3, run.Error);
            run.Error.ShouldContain("belongs to node w2, not w1");
            run.Error.ShouldContain("fix: if this machine is w2, run with --host w2");
        }

        CliRun.On(node.Environment(), Args("plan", "clean")).ExitCode.ShouldBe(3);
        node.Snapshot().ShouldBe(prepared);
    }

    [Theory]
    [InlineData("null", "holds 'null', not a journal")]
    [InlineData("{\"version\":0,\"entries\":[]}", "is not a journal Sixgill wrote")]
    [InlineData("{\"version\":1}", "cannot be read")]
    [InlineData("{\"version\":99,\"entries\":[]}", "written by a newer Sixgill (journal version 99")]
    [InlineData("[]", "cannot be read")]
    public void A_journal_that_is_no_journal_is_refused_with_exit_3_and_the_fix(string content, string message)
    {
        var node = new FakeChangeNode();
        node.Files.WithDirectory("/var/lib/sixgill").WithFile(Journal, content);

        var run = CliRun.On(node.Environment(), Args("clean"));

        run.ExitCode.ShouldBe(3, run.Error);
        run.Error.ShouldContain(message);
        run.Error.ShouldContain("fix: ");
        run.Error.ShouldNotContain("internal error");
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => !l.Contains(": warning SG", StringComparison.Ordinal)).ShouldBe(2, run.Error);
    }

    [Fact]
    public void A_journal_that_is_a_directory_is_named_as_one()
    {
        var node = new FakeChangeNode();
        node.Files.WithDirectory("/var/lib/sixgill").WithDirectory(Journal);

        var run = CliRun.On(node.Environment(), Args("clean"));

        run.ExitCode.ShouldBe(3, run.Error);
        run.Error.ShouldContain($"the journal {Journal} is a directory, not a file");
        run.Error.ShouldContain($"mv {Journal} {Journal}.bad");
    }

    private static string DigestOf(string text) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static string[] Args(params string[] args) => [.. args, "-c", Config, "--host", "w1"];
}
