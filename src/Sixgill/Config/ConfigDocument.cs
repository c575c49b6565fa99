namespace Sixgill.Config;

/// <summary>A scalar setting as written: its text, where its value stands and where its key stands.</summary>
internal sealed record ConfigValue(string Text, SourcePosition Position, SourcePosition KeyPosition, bool IsPlain);

/// <summary>One <c>topology</c> entry: the node's name and its settings by canonical key.</summary>
internal sealed record NodeEntry(string Name, SourcePosition Position, IReadOnlyDictionary<string, ConfigValue> Values)
{
    public ConfigValue? Get(string key) => Values.GetValueOrDefault(key);
}

/// <summary>
/// The config file read into canonical keys (<c>general.mode</c>, <c>pod_net.cidr</c>, …) with
/// positions, before any value is interpreted. Keys written with <c>-</c> are stored with <c>_</c>.
/// </summary>
internal sealed class ConfigDocument
{
    public ConfigDocument(
        string fileName,
        IReadOnlyDictionary<string, ConfigValue> values,
        IReadOnlyList<NodeEntry> nodes,
        IReadOnlyDictionary<string, SourcePosition> sections)
    {
        FileName = fileName;
        Values = values;
        Nodes = nodes;
        Sections = sections;
    }

    public string FileName { get; }

    public IReadOnlyDictionary<string, ConfigValue> Values { get; }

    public IReadOnlyList<NodeEntry> Nodes { get; }

    /// <summary>Where each section's key (<c>pod_net:</c>) stands; absent sections are missing.</summary>
    public IReadOnlyDictionary<string, SourcePosition> Sections { get; }

    public ConfigValue? Get(string path) => Values.GetValueOrDefault(path);

    public bool Has(string path) => Values.ContainsKey(path);

    /// <summary>Where to report something about a section: its key, or the top of the file.</summary>
    public SourcePosition SectionPosition(string section) => Sections.GetValueOrDefault(section, SourcePosition.Start);
}
