using System.Text.RegularExpressions;

namespace Sixgill.Tests;

/// <summary>
/// The folders of <c>src/Sixgill</c> depend on each other one way only, as the folder table at the top of
/// <c>docs/architecture.md</c> says: its "may use" column is the rule, read from the file itself, so the
/// docs and the code cannot drift apart. An edge is a <c>using Sixgill.X</c> (or a <c>Sixgill.X.</c> written
/// out in code) in a file of another folder.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Source = Repository.PathOf("src/Sixgill");

    /// <summary>Marks the row whose "may use" cell says "every other folder" (the CLI, the composition root).</summary>
    private static readonly IReadOnlySet<string> EveryFolder = new HashSet<string>();

    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> MayUse = ReadFolderTable();

    /// <summary>
    /// Edges against the table that are known and explained, file by file. The AppArmor step asks the
    /// gateway which profile name confines named: its undo record in journals already written does not
    /// carry that name, so the step cannot take it as a parameter without breaking those journals.
    /// The config loader reads the file through the bounded reader of <c>Host/Files</c> (libc, no
    /// symlinks, size cap); handing it the bytes from the CLI instead is the way to remove this edge.
    /// </summary>
    private static readonly HashSet<(string File, string To)> Exceptions =
        [("Config/ConfigLoader.cs", "Host")];

    [Fact]
    public void The_folder_table_names_every_folder_of_the_source_and_no_other()
    {
        var folders = Directory.GetDirectories(Source).Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj")).Order(StringComparer.Ordinal);

        MayUse.Keys.Order(StringComparer.Ordinal).ShouldBe(folders);
        MayUse.SelectMany(row => row.Value.Where(used => !MayUse.ContainsKey(used)).Select(used => $"{row.Key} may use {used}, which is no folder"))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Every_dependency_between_folders_goes_the_way_the_table_allows()
    {
        var edges = Edges().ToList();

        edges.ShouldNotBeEmpty("no using of another folder found: the scan is broken");
        edges.Where(edge => !MayUse[edge.From].Contains(edge.To) && !Exceptions.Contains((edge.File, edge.To)))
            .Select(edge => $"{edge.File}: {edge.From} uses {edge.To}, which docs/architecture.md does not allow")
            .Distinct().ShouldBeEmpty();
    }

    [Fact]
    public void The_allowed_directions_have_no_cycle()
    {
        // Kahn's algorithm: whatever cannot be ordered lies on a cycle.
        var pending = MayUse.ToDictionary(row => row.Key, row => row.Value.Where(used => used != row.Key).ToHashSet());
        while (pending.FirstOrDefault(row => row.Value.Count == 0).Key is { } free)
        {
            pending.Remove(free);
            foreach (var uses in pending.Values)
            {
                uses.Remove(free);
            }
        }

        pending.Keys.Order(StringComparer.Ordinal).ShouldBeEmpty("these folders use each other in a circle");
    }

    [Fact]
    public void Host_holds_adapters_only_the_interfaces_they_implement_live_in_Machine()
    {
        var files = Directory.GetFiles(Path.Combine(Source, "Host"), "*.cs", SearchOption.AllDirectories);

        files.ShouldNotBeEmpty();
        files.Where(file => InterfaceDeclaration().IsMatch(File.ReadAllText(file))).Select(Relative).ShouldBeEmpty();
    }

    [Fact]
    public void Every_namespace_matches_its_folder()
    {
        var files = SourceFiles().Where(file => Relative(file).Contains('/', StringComparison.Ordinal)).ToList();

        files.ShouldNotBeEmpty();
        files.Select(file => (File: Relative(file), Namespace: NamespaceDeclaration().Match(File.ReadAllText(file)).Groups[1].Value))
            .Where(found => found.Namespace != "Sixgill." + Path.GetDirectoryName(found.File)!.Replace('/', '.'))
            .Select(found => $"{found.File}: namespace {found.Namespace}").ShouldBeEmpty();
    }

    private static IEnumerable<(string File, string From, string To)> Edges()
    {
        foreach (var file in SourceFiles())
        {
            var relative = Relative(file);
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                continue; // Program.cs: the entry point, above every folder
            }

            var from = relative[..slash];
            var text = File.ReadAllText(file);
            foreach (var to in UsingDirective().Matches(text).Concat(QualifiedName().Matches(text)).Select(match => match.Groups[1].Value))
            {
                if (to != from && MayUse.ContainsKey(to))
                {
                    yield return (relative, from, to);
                }
            }
        }
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.GetFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Relative(file).StartsWith("bin/", StringComparison.Ordinal) && !Relative(file).StartsWith("obj/", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(Source, file).Replace('\\', '/');

    /// <summary>The first table of docs/architecture.md: <c>| `Folder/` | what it holds | `A`, `B` |</c>, "—" for nothing.</summary>
    private static Dictionary<string, IReadOnlySet<string>> ReadFolderTable()
    {
        var lines = Repository.Read("docs/architecture.md").Split('\n');
        var table = lines.SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')).Skip(2).ToList();
        table.ShouldNotBeEmpty("docs/architecture.md must open with the folder table");
        var rows = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var line in table)
        {
            var cells = line.Split('|');
            cells.Length.ShouldBe(5, $"a folder row has three cells: {line}");
            var folder = Backticked().Match(cells[1]).Groups[1].Value.TrimEnd('/');
            rows.Add(folder, cells[3].Contains("every other folder", StringComparison.Ordinal)
                ? EveryFolder
                : Backticked().Matches(cells[3]).Select(match => match.Groups[1].Value.TrimEnd('/')).ToHashSet(StringComparer.Ordinal));
        }

        var all = rows.Keys.ToHashSet(StringComparer.Ordinal);
        return rows.ToDictionary(row => row.Key, row => ReferenceEquals(row.Value, EveryFolder) ? all : row.Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?Sixgill\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?<![\w.])Sixgill\.(\w+)\.")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"^\s*(?:(?:internal|public|private|file|partial)\s+)*interface\s+\w+", RegexOptions.Multiline)]
    private static partial Regex InterfaceDeclaration();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Backticked();
}
