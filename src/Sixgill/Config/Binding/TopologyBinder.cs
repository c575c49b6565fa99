using System.Collections.Immutable;
using Sixgill.Config.Syntax;

namespace Sixgill.Config.Binding;

/// <summary><c>topology</c>: each node's name, interface, roles, id and ssh target.</summary>
internal static class TopologyBinder
{
    public static ImmutableArray<NodeDraft> Bind(SettingReader reader)
    {
        var document = reader.Document;
        if (document.Nodes.Count == 0 && !document.IsMisshapen(ConfigSchema.Topology))
        {
            if (document.Sections.TryGetValue(ConfigSchema.Topology, out var at))
            {
                reader.Diagnostics.Error(DiagnosticCodes.MissingKey, at, "topology lists no nodes",
                    "add one \"<hostname>:\" entry per node, with interface:, opmodes: and id:");
            }
            else
            {
                reader.RequireSection(ConfigSchema.Topology, "", "one \"<hostname>:\" entry per node");
            }
        }

        return [.. document.Nodes.Select(node => BindNode(reader, node))];
    }

    private static NodeDraft BindNode(SettingReader reader, NodeEntry node)
    {
        var path = $"{ConfigSchema.Topology}.{node.Name}";
        CheckName(reader, node);
        if (reader.Document.IsMisshapen(path))
        {
            return new NodeDraft(node.Name, node.Position, null, null, null, null);
        }

        foreach (var key in (string[])["interface", "opmodes", "id"])
        {
            reader.Require($"{path}.{key}");
        }

        return new NodeDraft(
            node.Name,
            node.Position,
            Interface(reader, $"{path}.interface"),
            Roles(reader, $"{path}.opmodes"),
            reader.Integer($"{path}.id"),
            Ssh(reader, $"{path}.ssh", node.Name));
    }

    /// <summary>The entry's key is the node's hostname and its Kubernetes node name.</summary>
    private static void CheckName(SettingReader reader, NodeEntry node)
    {
        if (NameSyntax.DnsNameProblem(node.Name, lowerCaseOnly: true) is not { } problem)
        {
            return;
        }

        var lower = node.Name.ToLowerInvariant();
        reader.Diagnostics.Error(DiagnosticCodes.HostName, node.Position, $"node name \"{node.Name}\" {problem}",
            lower != node.Name && NameSyntax.DnsNameProblem(lower, lowerCaseOnly: true) is null
                ? $"did you mean \"{lower}\"?"
                : "the name is the node's hostname: letters, digits and \"-\", like worker-1");
    }

    private static Located<string>? Interface(SettingReader reader, string path)
    {
        if (reader.Text(path) is not { } name)
        {
            return null;
        }

        if (NameSyntax.InterfaceProblem(name.Value) is not { } problem)
        {
            return name;
        }

        reader.Diagnostics.Error(DiagnosticCodes.InterfaceName, name.Position, $"{path} \"{name.Value}\" {problem}",
            "write the management interface's name as \"ip link\" shows it, like eth0");
        return null;
    }

    /// <summary><c>opmodes</c>: space-separated words. Any unknown word leaves the roles unbound.</summary>
    private static Located<NodeRoles>? Roles(SettingReader reader, string path)
    {
        if (reader.Text(path) is not { } text)
        {
            return null;
        }

        var words = text.Value.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            reader.Diagnostics.Error(DiagnosticCodes.NoOpmodes, text.Position,
                $"{path} is empty; a node needs at least one of {Known}", "write e.g. opmodes: \"minion\"");
            return null;
        }

        var roles = NodeRoles.None;
        var allKnown = true;
        foreach (var word in words)
        {
            var known = ConfigSpellings.Opmodes.FirstOrDefault(o => o.Word == word);
            if (known.Word is not null)
            {
                roles |= known.Value;
                continue;
            }

            allKnown = false;
            var nearest = Suggestions.Nearest(word, ConfigSpellings.Opmodes.Select(o => o.Word));
            reader.Diagnostics.Error(DiagnosticCodes.UnknownOpmode, text.Position,
                $"{path} has the unknown word \"{word}\"; known: {Known}",
                nearest is not null ? $"did you mean \"{nearest}\"?"
                    : word.Contains(',', StringComparison.Ordinal) ? "separate the words with spaces" : null);
        }

        return allKnown ? text.With(roles) : null;
    }

    private static SshTarget? Ssh(SettingReader reader, string path, string nodeName)
    {
        if (reader.Text(path) is not { } text)
        {
            return SshTargetSyntax.Default(nodeName);
        }

        if (SshTargetSyntax.Parse(text.Value, out var problem) is { } target)
        {
            return target;
        }

        reader.Diagnostics.Error(DiagnosticCodes.SshTarget, text.Position, $"{path} \"{text.Value}\" {problem}",
            "write [user@]host[:port], like root@worker-1 or root@[fd00:20::3]:2222");
        return null;
    }

    private static string Known => string.Join(", ", ConfigSpellings.Opmodes.Select(o => o.Word));
}
