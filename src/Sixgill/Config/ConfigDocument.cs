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
/// A node's settings are also stored under <c>topology.&lt;name&gt;.&lt;key&gt;</c>, so that one
/// reader serves every key.
/// </summary>
internal sealed class ConfigDocument
{
    public ConfigDocument(
        string fileName,
        IReadOnlyDictionary<string, ConfigValue> values,
        IReadOnlyList<NodeEntry> nodes,
        IReadOnlyDictionary<string, SourcePosition> sections,
        IReadOnlyDictionary<string, SourcePosition> emptyKeys,
        IReadOnlySet<string> misshapen)
    {
        FileName = fileName;
        Values = values;
        Nodes = nodes;
        Sections = sections;
        EmptyKeys = emptyKeys;
        Misshapen = misshapen;
    }

    public string FileName { get; }

    public IReadOnlyDictionary<string, ConfigValue> Values { get; }

    public IReadOnlyList<NodeEntry> Nodes { get; }

    /// <summary>
    /// Where each section's key (<c>pod_net:</c>) stands, and each node's name under
    /// <c>topology.&lt;name&gt;</c>; absent sections are missing.
    /// </summary>
    public IReadOnlyDictionary<string, SourcePosition> Sections { get; }

    /// <summary>Keys written without a value (<c>id:</c>), by path, at the key: "missing" is reported there.</summary>
    public IReadOnlyDictionary<string, SourcePosition> EmptyKeys { get; }

    /// <summary>
    /// Paths whose value had the wrong shape (a list where a word belongs, a word where a mapping
    /// belongs). The reader has reported them already; later stages must not call them missing too.
    /// </summary>
    public IReadOnlySet<string> Misshapen { get; }

    public ConfigValue? Get(string path) => Values.GetValueOrDefault(path);

    public bool Has(string path) => Values.ContainsKey(path);

    /// <summary>The key appears in the file, with a value, without one, or with a wrong shape.</summary>
    public bool IsWritten(string path) => Values.ContainsKey(path) || EmptyKeys.ContainsKey(path) || Misshapen.Contains(path);

    /// <summary>True when this path or a section around it had the wrong shape (already reported).</summary>
    public bool IsMisshapen(string path)
    {
        var at = path;
        while (true)
        {
            if (Misshapen.Contains(at))
            {
                return true;
            }

            var dot = at.LastIndexOf('.');
            if (dot < 0)
            {
                return false;
            }

            at = at[..dot];
        }
    }

    /// <summary>Where to report something about a section: its key, or the top of the file.</summary>
    public SourcePosition SectionPosition(string section) => Sections.GetValueOrDefault(section, SourcePosition.Start);
}
