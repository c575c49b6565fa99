using System.Text.Json;
using System.Text.RegularExpressions;
using Sixgill.Tests.Cli;

namespace Sixgill.Tests.Product;

/// <summary>
/// docs/json.md is the contract of <c>--output json</c>: every document it shows has exactly the
/// fields the binary writes (names and nesting), every document starts with <c>schemaVersion</c>,
/// and a failure is the one error document in every command.
/// </summary>
public sealed partial class JsonContractTests
{
    private static readonly IReadOnlyDictionary<string, string> Documented = Read(Repository.Read("docs/json.md"));

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var command in JsonDocuments.ByCommand.Keys)
        {
            data.Add(command);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void The_document_has_exactly_the_fields_docs_json_md_shows(string command)
    {
        Documented.ShouldContainKey(command, $"docs/json.md has no '### `{command}`' section");
        using var documented = JsonDocument.Parse(Documented[command]);
        using var actual = JsonDocument.Parse(JsonDocuments.ByCommand[command]());

        Fields(actual.RootElement).Order().ShouldBe(Fields(documented.RootElement).Order(), $"fields of {command}");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_document_starts_with_its_schema_version(string command)
    {
        using var actual = JsonDocument.Parse(JsonDocuments.ByCommand[command]());

        var first = actual.RootElement.EnumerateObject().First();
        first.Name.ShouldBe("schemaVersion");
        first.Value.GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Docs_json_md_documents_no_command_that_has_no_document() =>
        Documented.Keys.ShouldBeSubsetOf(JsonDocuments.ByCommand.Keys);

    [Theory]
    [InlineData(new[] { "explain", "--host", "vm" }, 2)]
    [InlineData(new[] { "validate", "--colour" }, 2)]
    [InlineData(new[] { "prepare", "--host", "w1" }, 3)]
    [InlineData(new[] { "verify", "--host", "w1", "--timeout", "0" }, 2)]
    [InlineData(new[] { "lab", "up", "--name", "Bad-Name" }, 2)]
    public void A_failure_in_any_command_is_the_one_error_document(string[] args, int exitCode)
    {
        var run = CliRun.On(new FakeChangeNode { IsRoot = false }.Environment(), [.. args, "-c", CliRun.Example("lab.yaml"), "-o", "json"]);

        run.ExitCode.ShouldBe(exitCode, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(root.TryGetProperty("hint", out _)
            ? ["schemaVersion", "error", "hint", "exitCode", "diagnostics"]
            : ["schemaVersion", "error", "exitCode", "diagnostics"]);
        root.GetProperty("exitCode").GetInt32().ShouldBe(exitCode);
        run.Error.ShouldContain("sixgill: ");
    }

    [Fact]
    public void A_config_error_carries_its_diagnostics_into_the_error_document()
    {
        using var json = JsonDocument.Parse(CliRun.Of("explain", "-c", CliRun.Example("lab.yaml"), "--host", "vm", "-o", "json").Out);

        var sg070 = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "SG070");
        sg070.GetProperty("severity").GetString().ShouldBe("error");
        sg070.GetProperty("hint").GetString().ShouldBe("give one of the config's nodes: --host gw | w1 | w2");
    }

    [Fact]
    public void Quotes_are_not_escaped_as_unicode() =>
        CliRun.Of("validate", "-c", CliRun.Example("orca.yaml"), "-o", "json").Out.ShouldNotContain("\\u0027");

    /// <summary>Every field path of a document: <c>checks[].name</c>; the union over an array's items.</summary>
    private static HashSet<string> Fields(JsonElement element, string prefix = "")
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                    fields.Add(path);
                    fields.UnionWith(Fields(property.Value, path));
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    fields.UnionWith(Fields(item, prefix + "[]"));
                }

                break;
        }

        return fields;
    }

    /// <summary>The example document under each <c>### `command`</c> heading.</summary>
    private static Dictionary<string, string> Read(string markdown) =>
        Section().Matches(markdown).ToDictionary(m => m.Groups["command"].Value, m => m.Groups["json"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"^### `(?<command>[^`]+)`\n(?:(?!### ).*\n)*?```json\n(?<json>(?:.*\n)*?)```", RegexOptions.Multiline)]
    private static partial Regex Section();
}
