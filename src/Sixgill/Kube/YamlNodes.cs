using System.Collections;
using System.Globalization;

namespace Sixgill.Kube;

/// <summary>
/// A tiny YAML tree for the files Sixgill writes. Built in code, in the order it is to be written, and
/// emitted by <see cref="YamlEmitter"/>: deterministic, and free of the reflection serializer that
/// NativeAOT cannot run.
/// </summary>
internal abstract class YamlNode
{
    /// <summary>A string, written plain only when no YAML reader could take it for anything but that string.</summary>
    public static implicit operator YamlNode(string value) =>
        new YamlScalar(YamlEmitter.IsSafePlain(value) ? value : YamlEmitter.Quote(value));

    /// <summary>A string always written double-quoted (secrets and addresses: one look tells they are strings).</summary>
    public static YamlNode Quoted(string value) => new YamlScalar(YamlEmitter.Quote(value));

    /// <summary>
    /// A scalar that was plain in a file Sixgill read (a person's kubeconfig), written plain again so it keeps
    /// its meaning (<c>true</c> a boolean, <c>443</c> a number); empty, or multi-line, it is written as <c>null</c> / quoted.
    /// </summary>
    public static YamlNode Plain(string text) =>
        new YamlScalar(text.Length == 0 ? "null" : text.Contains('\n', StringComparison.Ordinal) ? YamlEmitter.Quote(text) : text);

    public static implicit operator YamlNode(bool value) => new YamlScalar(value ? "true" : "false");

    public static implicit operator YamlNode(int value) => new YamlScalar(value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A scalar, already in its written form: strings double-quoted, booleans and numbers plain.</summary>
internal sealed class YamlScalar(string text) : YamlNode
{
    public string Text { get; } = text;
}

/// <summary>A block mapping whose entries are written in the order they were added.</summary>
internal sealed class YamlMap : YamlNode, IEnumerable<KeyValuePair<string, YamlNode>>
{
    private readonly List<KeyValuePair<string, YamlNode>> entries = [];

    public int Count => entries.Count;

    public void Add(string key, YamlNode value)
    {
        // Keys are Sixgill's own field names; a key that needed quoting would be a bug here.
        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"'{key}' is not a plain YAML key", nameof(key));
        }

        entries.Add(new(key, value));
    }

    /// <summary>A key from a file Sixgill read: written plain when it can be, else double-quoted.</summary>
    public void AddAnyKey(string key, YamlNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        entries.Add(new(YamlEmitter.IsSafePlain(key) ? key : YamlEmitter.Quote(key), value));
    }

    public IEnumerator<KeyValuePair<string, YamlNode>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A block sequence.</summary>
internal sealed class YamlList : YamlNode, IEnumerable<YamlNode>
{
    private readonly List<YamlNode> items = [];

    public YamlList()
    {
    }

    public YamlList(IEnumerable<YamlNode> items) => this.items.AddRange(items);

    public int Count => items.Count;

    public void Add(YamlNode item) => items.Add(item);

    public IEnumerator<YamlNode> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
