using System.Reflection;
using System.Text.RegularExpressions;
using Sixgill.Config;

namespace Sixgill.Tests.Config;

public sealed partial class DocsTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "config.md"));

    public static TheoryData<string, string> Codes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, code) in AllCodes())
        {
            data.Add(name, code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_diagnostic_code_has_its_own_section_in_the_config_docs(string name, string code) =>
        Docs.ShouldContain($"#### {code} — ", Case.Sensitive, $"DiagnosticCodes.{name} ({code}) is not documented in docs/config.md");

    [Fact]
    public void Diagnostic_codes_are_distinct() =>
        AllCodes().Select(c => c.Code).ShouldBeUnique();

    [Fact]
    public void The_docs_name_no_code_that_does_not_exist()
    {
        var known = AllCodes().Select(c => c.Code).ToHashSet();

        CodeMention().Matches(Docs).Select(m => m.Value).Distinct().Where(code => !known.Contains(code)).ShouldBeEmpty();
    }

    private static IEnumerable<(string Name, string Code)> AllCodes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!));

    /// <summary>Walks up from the test binaries to the directory that holds Sixgill.slnx.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sixgill.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Sixgill.slnx above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"\bSG\d{3}\b")]
    private static partial Regex CodeMention();
}
