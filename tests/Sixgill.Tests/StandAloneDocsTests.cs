using System.Text.RegularExpressions;

namespace Sixgill.Tests;

/// <summary>
/// The repository explains itself: src/, docs/, the README and what the binary carries inside it
/// (the image recipes in images/, the lab's example config) cite nothing a person who clones it does
/// not have (texts outside it), and every docs/*.md file they point at exists.
/// </summary>
public sealed partial class StandAloneDocsTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Cited())
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void There_are_files_to_check() => Cited().Count().ShouldBeGreaterThan(100);

    [Theory]
    [MemberData(nameof(Files))]
    public void No_file_cites_a_text_outside_the_repository(string file) =>
        OutsideCitation().Matches(Repository.Read(file)).Select(match => match.Value).ShouldBeEmpty($"{file} cites a text outside the repository: explain it in docs/ and cite that");

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_docs_file_a_file_points_at_exists(string file) =>
        DocsPath().Matches(Repository.Read(file)).Select(match => match.Groups[1].Value).Distinct()
            .Where(doc => !File.Exists(Repository.PathOf("docs/" + doc))).ShouldBeEmpty($"{file} points at docs files that do not exist");

    private static IEnumerable<string> Cited() =>
        Directory.GetFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Repository.PathOf("docs"), "*.md"))
            .Concat(Directory.GetFiles(Repository.PathOf("images"), "*", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Repository.PathOf("examples"), "*.yaml"))
            .Append(Repository.PathOf("README.md"))
            .Select(file => Path.GetRelativePath(Repository.Root, file).Replace('\\', '/'))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"SPEC §|TESTING §|SPEC\.md|TESTING\.md|DESIGN\.md|\.\./shared")]
    private static partial Regex OutsideCitation();

    [GeneratedRegex(@"docs/([\w-]+\.md)")]
    private static partial Regex DocsPath();
}
