using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Sixgill.Config;
using Sixgill.Tests.Cli;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sixgill.Tests.Product;

/// <summary>
/// <c>sixgill schema</c>: a JSON Schema of the config for editors. Every example validates against
/// it, broken configs do not, and it describes exactly the keys and words the loader reads.
/// </summary>
public sealed class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(CliRun.Of("schema").Out);

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(CliRun.Example("lab.yaml"))!, "*.yaml"))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_validates_against_the_schema(string example)
    {
        var result = Evaluate(File.ReadAllText(CliRun.Example(example)));

        result.IsValid.ShouldBeTrue(Errors(result));
    }

    [Theory]
    [InlineData("id: \"three\"", "a node id that is not a number")]
    [InlineData("mode: ipv5", "a mode that does not exist")]
    [InlineData("interfce: eth1", "a misspelt node key")]
    [InlineData("opmodes: \"master worker\"", "an opmode that does not exist")]
    [InlineData("insecure: \"maybe\"", "a flag that is not true or false")]
    [InlineData("subnet: \"fd00:20::\"", "Orca's form and the CIDR form mixed")]
    [InlineData("colour: blue", "a key that does not exist")]
    public void A_broken_config_does_not_validate_and_the_loader_refuses_it_too(string change, string why)
    {
        var yaml = Broken(change);

        Evaluate(yaml).IsValid.ShouldBeFalse(why);
        ConfigLoader.Load("broken.yaml", yaml).Diagnostics.ShouldContain(d => d.IsError, why);
    }

    [Fact]
    public void The_schema_describes_exactly_the_keys_the_loader_reads()
    {
        var loader = ConfigSchema.TopLevelScalars
            .Concat(ConfigSchema.Sections.SelectMany(s => s.Value.Select(k => $"{s.Key}.{k}")))
            .Concat(ConfigSchema.NodeKeys.Select(k => $"node.{k}"));

        ConfigJsonSchema.DescribedKeys.Order().ShouldBe(loader.Order());
        var top = JsonNode.Parse(CliRun.Of("schema").Out)!["properties"]!.AsObject().Select(p => p.Key).Where(k => !k.Contains('-', StringComparison.Ordinal));
        top.Order().ShouldBe(ConfigSchema.TopLevelKeys.Order());
    }

    [Theory]
    [InlineData("general", "mode", "ipv6 dual-stack ipv4")]
    [InlineData("general", "plugin", "bridge ptp")]
    [InlineData("general", "runtime", "native docker")]
    [InlineData("dns64", "dnssec_validation", "auto no")]
    public void The_schema_offers_the_words_the_loader_accepts(string section, string key, string words)
    {
        var schema = JsonNode.Parse(CliRun.Of("schema").Out)!;

        schema["properties"]![section]!["properties"]![key]!["enum"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldBe(words.Split(' '));
    }

    [Fact]
    public void The_schema_is_draft_2020_12() =>
        JsonNode.Parse(CliRun.Of("schema").Out)!["$schema"]!.GetValue<string>().ShouldBe("https://json-schema.org/draft/2020-12/schema");

    /// <summary>examples/lab.yaml with one line changed or added, in the topology's w1 or general.</summary>
    private static string Broken(string change)
    {
        var lab = File.ReadAllText(CliRun.Example("lab.yaml"));
        var key = change.Split(':')[0];
        return key switch
        {
            "id" or "interfce" or "opmodes" => lab.Replace("    opmodes: \"minion\"\n    id: 3", $"    opmodes: \"minion\"\n    id: 3\n    {change}", StringComparison.Ordinal)
                .Replace("    id: 3\n    id: \"three\"", "    id: \"three\"", StringComparison.Ordinal)
                .Replace("    opmodes: \"minion\"\n    id: 3\n    opmodes: \"master worker\"", "    opmodes: \"master worker\"\n    id: 3", StringComparison.Ordinal),
            "mode" => lab.Replace("  mode: ipv6", "  " + change, StringComparison.Ordinal),
            "insecure" => lab.Replace("  insecure: true", "  " + change, StringComparison.Ordinal),
            "subnet" => lab.Replace("  cidr: \"fd00:20::/64\"", "  cidr: \"fd00:20::/64\"\n  " + change, StringComparison.Ordinal),
            _ => lab + change + "\n",
        };
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        using var json = JsonDocument.Parse(ToJson(yaml)?.ToJsonString() ?? "null");
        return Schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults result) =>
        string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    /// <summary>YAML as an editor's language server reads it (YAML 1.2 core schema): plain numbers and booleans are typed, quoted text is text.</summary>
    internal static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? ""),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static JsonValue? Plain(string text) => text switch
    {
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        "" or "~" or "null" => null,
        _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(text),
    };
}
