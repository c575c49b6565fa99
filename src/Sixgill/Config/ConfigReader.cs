namespace Sixgill.Config;

/// <summary>
/// Walks the YAML tree against <see cref="ConfigSchema"/>: unknown keys (with the nearest known one),
/// duplicate keys, and mappings where words belong (or the reverse). Every finding is collected;
/// reading goes on past each one so that a single run reports them all.
/// </summary>
internal static class ConfigReader
{
    public static ConfigDocument Read(string fileName, string text, List<Diagnostic> diagnostics)
    {
        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        var nodes = new List<NodeEntry>();
        var sections = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var found = new Found(values, new Dictionary<string, SourcePosition>(StringComparer.Ordinal),
            new HashSet<string>(StringComparer.Ordinal), diagnostics);
        var document = new ConfigDocument(fileName, values, nodes, sections, found.EmptyKeys, found.Misshapen);

        var root = YamlTree.Read(text, diagnostics);
        if (root is null)
        {
            if (!diagnostics.Any(d => d.IsError))
            {
                diagnostics.Add(Error(DiagnosticCodes.NotAMapping, SourcePosition.Start,
                    "the file is empty", "start from one of the files in examples/"));
            }

            return document;
        }

        if (root is not ParsedYamlMap map)
        {
            diagnostics.Add(Error(DiagnosticCodes.NotAMapping, root.Position,
                $"the file must be a mapping of settings (plugin:, topology:, …), not {Describe(root)}",
                "start from one of the files in examples/"));
            return document;
        }

        foreach (var (key, value) in UniqueEntries(map, diagnostics))
        {
            var name = ConfigSchema.Canonical(key.Text);
            if (ConfigSchema.TopLevelScalars.Contains(name))
            {
                AddScalar(found, name, key, value);
            }
            else if (name == ConfigSchema.Topology)
            {
                sections[name] = key.Position;
                ReadTopology(value, nodes, sections, found);
            }
            else if (ConfigSchema.Sections.TryGetValue(name, out var known))
            {
                sections[name] = key.Position;
                ReadSection(name, known, value, found);
            }
            else
            {
                diagnostics.Add(UnknownKey(key, ConfigSchema.TopLevelKeys, "at the top level"));
            }
        }

        return document;
    }

    private static void ReadSection(string section, IReadOnlyList<string> known, ParsedYamlNode node, Found found)
    {
        var diagnostics = found.Diagnostics;
        if (node is ParsedYamlScalar { IsNull: true })
        {
            return;
        }

        if (node is not ParsedYamlMap map)
        {
            found.Misshapen.Add(section);
            diagnostics.Add(Error(DiagnosticCodes.WrongType, node.Position,
                $"{section} must be a mapping of settings, not {Describe(node)}",
                $"indent its keys under \"{section}:\""));
            return;
        }

        foreach (var (key, value) in UniqueEntries(map, diagnostics))
        {
            var name = ConfigSchema.Canonical(key.Text);
            if (known.Contains(name))
            {
                AddScalar(found, $"{section}.{name}", key, value);
            }
            else
            {
                diagnostics.Add(UnknownKey(key, known, $"in {section}"));
            }
        }
    }

    private static void ReadTopology(ParsedYamlNode node, List<NodeEntry> nodes, Dictionary<string, SourcePosition> sections,
        Found found)
    {
        var diagnostics = found.Diagnostics;
        if (node is ParsedYamlScalar { IsNull: true })
        {
            return;
        }

        if (node is not ParsedYamlMap map)
        {
            found.Misshapen.Add(ConfigSchema.Topology);
            diagnostics.Add(Error(DiagnosticCodes.WrongType, node.Position,
                $"topology must map each node's hostname to its settings, not {Describe(node)}",
                "write \"topology:\" then one \"<hostname>:\" per node"));
            return;
        }

        foreach (var (name, value) in UniqueEntries(map, diagnostics))
        {
            var settings = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
            var nodePath = $"{ConfigSchema.Topology}.{name.Text}";
            sections[nodePath] = name.Position;
            if (value is ParsedYamlMap nodeMap)
            {
                foreach (var (key, setting) in UniqueEntries(nodeMap, diagnostics))
                {
                    var canonical = ConfigSchema.Canonical(key.Text);
                    if (ConfigSchema.NodeKeys.Contains(canonical))
                    {
                        if (AddScalar(found, $"{nodePath}.{canonical}", key, setting) is { } read)
                        {
                            settings[canonical] = read;
                        }
                    }
                    else
                    {
                        diagnostics.Add(UnknownKey(key, ConfigSchema.NodeKeys, $"in node {name.Text}"));
                    }
                }
            }
            else if (value is not ParsedYamlScalar { IsNull: true })
            {
                found.Misshapen.Add(nodePath);
                diagnostics.Add(Error(DiagnosticCodes.WrongType, value.Position,
                    $"node {name.Text} must be a mapping of settings, not {Describe(value)}",
                    "give it interface:, opmodes: and id:"));
            }

            nodes.Add(new NodeEntry(name.Text, name.Position, settings));
        }
    }

    /// <summary>
    /// Stores one setting under <paramref name="path"/>; a key without a value, or with a list or mapping
    /// for a value, is remembered under the same path so that it is not reported as missing as well.
    /// </summary>
    private static ConfigValue? AddScalar(Found found, string path, ParsedYamlScalar key, ParsedYamlNode value)
    {
        if (value is not ParsedYamlScalar scalar)
        {
            found.Misshapen.Add(path);
            found.Diagnostics.Add(Error(DiagnosticCodes.WrongType, value.Position,
                $"{key.Text} must be a single value, not {Describe(value)}", null));
            return null;
        }

        if (scalar.IsNull)
        {
            found.EmptyKeys[path] = key.Position;
            return null;
        }

        var read = new ConfigValue(scalar.Text, scalar.Position, key.Position, scalar.IsPlain);
        found.Values[path] = read;
        return read;
    }

    /// <summary>What the walk collects besides the settings themselves.</summary>
    private sealed record Found(
        Dictionary<string, ConfigValue> Values,
        Dictionary<string, SourcePosition> EmptyKeys,
        HashSet<string> Misshapen,
        List<Diagnostic> Diagnostics);

    /// <summary>The entries of a mapping, the second and later of a repeated key reported and skipped.</summary>
    private static IEnumerable<(ParsedYamlScalar Key, ParsedYamlNode Value)> UniqueEntries(ParsedYamlMap map, List<Diagnostic> diagnostics)
    {
        var seen = new Dictionary<string, ParsedYamlScalar>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var canonical = ConfigSchema.Canonical(entry.Key.Text);
            if (seen.TryGetValue(canonical, out var first))
            {
                diagnostics.Add(Error(DiagnosticCodes.DuplicateKey, entry.Key.Position,
                    $"\"{entry.Key.Text}\" is given twice; the first is at line {first.Position.Line}",
                    "keep one of them"));
                continue;
            }

            seen[canonical] = entry.Key;
            yield return (entry.Key, entry.Value);
        }
    }

    private static Diagnostic UnknownKey(ParsedYamlScalar key, IEnumerable<string> known, string where)
    {
        var nearest = Suggestions.Nearest(ConfigSchema.Canonical(key.Text), known);
        return Error(DiagnosticCodes.UnknownKey, key.Position, $"unknown key \"{key.Text}\" {where}",
            nearest is null ? $"known keys: {string.Join(", ", known)}" : $"did you mean \"{nearest}\"?");
    }

    private static string Describe(ParsedYamlNode node) => node switch
    {
        ParsedYamlMap => "a mapping",
        ParsedYamlList => "a list",
        ParsedYamlScalar s => $"the value \"{s.Text}\"",
        _ => "this",
    };

    private static Diagnostic Error(string code, SourcePosition at, string message, string? hint) =>
        new(code, Severity.Error, at, message, hint);
}
