using System.Text;
using Rep = YamlDotNet.RepresentationModel;

namespace Sixgill.Kube;

/// <summary>
/// Puts the cluster of a kubeadm <c>admin.conf</c> into a person's kubeconfig the way <c>kind</c> does:
/// one cluster, one user and one context, all named <c>sixgill-&lt;master&gt;</c> (so they never
/// overwrite another cluster's <c>kubernetes</c> / <c>kubernetes-admin</c>), made the current context;
/// every other entry and setting of the file is kept, in its order. Pure: text in, text out.
/// </summary>
/// <remarks>
/// The file is read with YamlDotNet's representation model and written again by <see cref="YamlEmitter"/>,
/// so comments and layout are not kept — the step keeps the old file as a backup and <c>down</c> puts it
/// back byte for byte. Scalars keep their meaning: one written plain is written plain again (so
/// <c>true</c> stays a boolean), any other is double-quoted. Merging twice gives the same text.
/// </remarks>
internal static class KubeconfigMerge
{
    /// <summary><c>sixgill-gw</c>: the name of the cluster, user and context of the master <paramref name="master"/>.</summary>
    public static string EntryName(string master) => $"sixgill-{master}";

    /// <summary>
    /// <paramref name="existing"/> (null or blank: no file yet) with the cluster of <paramref name="adminConf"/> merged in
    /// as <paramref name="name"/>. Throws <see cref="FormatException"/> naming the file's problem; never quotes a credential.
    /// </summary>
    public static string Merge(string? existing, string adminConf, string name)
    {
        ArgumentNullException.ThrowIfNull(adminConf);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var (cluster, user) = AdminEntries(Root(adminConf, "admin.conf") ?? throw new FormatException("admin.conf is empty"));
        var file = string.IsNullOrWhiteSpace(existing) ? null : Root(existing, "the kubeconfig");
        var merged = new WrittenYamlMap();
        var pending = new List<string> { "apiVersion", "kind", "clusters", "contexts", "current-context", "preferences", "users" };
        foreach (var (key, value) in file?.Children ?? Enumerable.Empty<KeyValuePair<Rep.YamlNode, Rep.YamlNode>>())
        {
            var keyText = Text(key, "the kubeconfig");
            pending.Remove(keyText);
            merged.AddAnyKey(keyText, Merged(keyText, value, cluster, user, name));
        }

        foreach (var key in pending)
        {
            merged.AddAnyKey(key, Merged(key, null, cluster, user, name));
        }

        return YamlEmitter.Documents([], [merged]);
    }

    /// <summary>Throws <see cref="FormatException"/> when <paramref name="existing"/> is no kubeconfig <see cref="Merge"/> can take.</summary>
    public static void Check(string existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        if (string.IsNullOrWhiteSpace(existing) || Root(existing, "the kubeconfig") is not { } file)
        {
            return;
        }

        foreach (var (key, value) in file.Children)
        {
            _ = Text(key, "the kubeconfig");
            if (key is Rep.YamlScalarNode { Value: "clusters" or "users" or "contexts" } && value is not Rep.YamlSequenceNode and not Rep.YamlScalarNode { Value: "" or "null" or "~" })
            {
                throw new FormatException($"{((Rep.YamlScalarNode)key).Value} in the kubeconfig is not a list");
            }

            _ = Convert(value);
        }
    }

    private static WrittenYamlNode Merged(string key, Rep.YamlNode? value, WrittenYamlNode cluster, WrittenYamlNode user, string name) => key switch
    {
        "apiVersion" => value is null ? "v1" : Convert(value),
        "kind" => value is null ? "Config" : Convert(value),
        "preferences" => value is null ? new WrittenYamlMap() : Convert(value),
        "current-context" => WrittenYamlNode.Quoted(name),
        "clusters" => Named(value, key, name, ("cluster", cluster)),
        "users" => Named(value, key, name, ("user", user)),
        "contexts" => Named(value, key, name, ("context", new WrittenYamlMap { { "cluster", WrittenYamlNode.Quoted(name) }, { "user", WrittenYamlNode.Quoted(name) } })),
        _ => Convert(value!),
    };

    // The list with the entry called name replaced (where it was) or added (at the end).
    private static WrittenYamlList Named(Rep.YamlNode? list, string key, string name, (string Field, WrittenYamlNode Value) entry)
    {
        var ours = new WrittenYamlMap { { "name", WrittenYamlNode.Quoted(name) }, { entry.Field, entry.Value } };
        var result = new WrittenYamlList();
        var replaced = false;
        if (list is not null and not Rep.YamlScalarNode { Value: "" or "null" or "~" })
        {
            var sequence = list as Rep.YamlSequenceNode ?? throw new FormatException($"{key} in the kubeconfig is not a list");
            foreach (var item in sequence.Children)
            {
                if (!replaced && item is Rep.YamlMappingNode map && Find(map, "name") is Rep.YamlScalarNode { Value: var itemName } && itemName == name)
                {
                    result.Add(ours);
                    replaced = true;
                }
                else
                {
                    result.Add(Convert(item));
                }
            }
        }

        if (!replaced)
        {
            result.Add(ours);
        }

        return result;
    }

    // admin.conf's current context gives the names of its cluster and user.
    private static (WrittenYamlNode Cluster, WrittenYamlNode User) AdminEntries(Rep.YamlMappingNode admin)
    {
        var contextName = Scalar(Find(admin, "current-context"), "admin.conf has no current-context");
        var context = Entry(admin, "contexts", contextName, "context");
        var clusterName = Scalar(Find(context, "cluster"), $"context {contextName} of admin.conf names no cluster");
        var userName = Scalar(Find(context, "user"), $"context {contextName} of admin.conf names no user");
        return (Convert(Entry(admin, "clusters", clusterName, "cluster")), Convert(Entry(admin, "users", userName, "user")));
    }

    private static Rep.YamlMappingNode Entry(Rep.YamlMappingNode root, string list, string name, string field) =>
        (Find(root, list) as Rep.YamlSequenceNode)?.Children.OfType<Rep.YamlMappingNode>()
            .Where(e => Find(e, "name") is Rep.YamlScalarNode { Value: var n } && n == name)
            .Select(e => Find(e, field) as Rep.YamlMappingNode)
            .FirstOrDefault(e => e is not null)
        ?? throw new FormatException($"admin.conf has no {field} named {name} in {list}");

    private static Rep.YamlNode? Find(Rep.YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(e => e.Key is Rep.YamlScalarNode { Value: var k } && k == key).Value;

    private static string Scalar(Rep.YamlNode? node, string problem) =>
        node is Rep.YamlScalarNode { Value: { Length: > 0 } value } ? value : throw new FormatException(problem);

    private static Rep.YamlMappingNode? Root(string text, string what)
    {
        var stream = new Rep.YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            // The position only: YamlDotNet's message may quote the line, and a kubeconfig holds keys.
            throw new FormatException($"{what} is not YAML Sixgill can read (line {e.Start.Line}, column {e.Start.Column})", e);
        }

        return stream.Documents.Count switch
        {
            0 => null,
            1 => stream.Documents[0].RootNode switch
            {
                Rep.YamlMappingNode map => map,
                Rep.YamlScalarNode { Value: "" or "null" or "~" } => null,
                _ => throw new FormatException($"{what} is not a mapping of settings"),
            },
            _ => throw new FormatException($"{what} holds {stream.Documents.Count} YAML documents, not one"),
        };
    }

    private static string Text(Rep.YamlNode key, string what) =>
        key is Rep.YamlScalarNode { Value: { } value } ? value : throw new FormatException($"{what} has a key that is not text");

    // YamlDotNet's tree as Sixgill's: plain scalars stay plain (their meaning comes from their text), others are quoted.
    private static WrittenYamlNode Convert(Rep.YamlNode node) => node switch
    {
        Rep.YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var value } => WrittenYamlNode.Plain(value ?? ""),
        Rep.YamlScalarNode scalar => WrittenYamlNode.Quoted(scalar.Value ?? ""),
        Rep.YamlSequenceNode sequence => new WrittenYamlList(sequence.Children.Select(Convert)),
        Rep.YamlMappingNode map => ConvertMap(map),
        _ => throw new FormatException($"the kubeconfig holds a {node.NodeType} Sixgill cannot write again"),
    };

    private static WrittenYamlMap ConvertMap(Rep.YamlMappingNode map)
    {
        var result = new WrittenYamlMap();
        foreach (var (key, value) in map.Children)
        {
            result.AddAnyKey(Text(key, "the kubeconfig"), Convert(value));
        }

        return result;
    }

    /// <summary>The merged file's bytes (UTF-8, no BOM).</summary>
    public static byte[] Bytes(string text) => new UTF8Encoding(false).GetBytes(text);
}
