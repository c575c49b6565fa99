using System.Net;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sixgill.Tests.Kube;

/// <summary>Reads rendered YAML back with YamlDotNet's representation model, to assert on fields rather than text.</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    public static YamlMappingNode Kind(this IEnumerable<YamlMappingNode> documents, string kind) =>
        documents.Single(d => d.Text("kind") == kind);

    public static YamlNode? Find(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static YamlScalarNode Scalar(this YamlNode node, params string[] path) =>
        node.Find(path) as YamlScalarNode ?? throw new ShouldAssertException($"no scalar at {string.Join('.', path)}");

    public static string Text(this YamlNode node, params string[] path) => node.Scalar(path).Value!;

    public static IPAddress Address(this YamlNode node, params string[] path) => IPAddress.Parse(node.Text(path));

    public static YamlSequenceNode Sequence(this YamlNode node, params string[] path) =>
        node.Find(path) as YamlSequenceNode ?? throw new ShouldAssertException($"no sequence at {string.Join('.', path)}");

    public static IReadOnlyList<string> Texts(this YamlNode node, params string[] path) =>
        [.. node.Sequence(path).Children.Cast<YamlScalarNode>().Select(s => s.Value!)];

    /// <summary>A v1beta4 extra-argument list as (name, value) pairs, in order.</summary>
    public static IReadOnlyList<(string Name, string Value)> Args(this YamlNode node, params string[] path) =>
        [.. node.Sequence(path).Children.Select(a => (a.Text("name"), a.Text("value")))];

    public static bool IsQuoted(this YamlNode node, params string[] path) => node.Scalar(path).Style == ScalarStyle.DoubleQuoted;
}
