using System.Collections;
using System.Globalization;

namespace Sixgill.Kube;

/// <summary>
/// A tiny YAML tree for the files Sixgill writes. Built in code, in the order it is to be written, and
/// emitted by <see cref="YamlEmitter"/>: deterministic, and free of the reflection serializer that
/// NativeAOT cannot run.
/// </summary>
internal abstract class WrittenYamlNode
{
    /// <summary>A string, written plain only when no YAML reader could take it for anything but that string.</summary>
    public static implicit operator WrittenYamlNode(string value) =>
        new WrittenYamlScalar(YamlEmitter.IsSafePlain(value) ? value : YamlEmitter.Quote(value));

    /// <summary>A string always written double-quoted (secrets and addresses: one look tells they are strings).</summary>
    public static WrittenYamlNode Quoted(string value) => new WrittenYamlScalar(YamlEmitter.Quote(value));

    /// <summary>
    /// A scalar that was plain in a file Sixgill read (a person's kubeconfig), written plain again so it keeps
    /// its meaning (<c>true</c> a boolean, <c>443</c> a number); empty, or multi-line, it is written as <c>null</c> / quoted.
    /// </summary>
    public static WrittenYamlNode Plain(string text) =>
        new WrittenYamlScalar(text.Length == 0 ? "null" : text.Contains('\n', StringComparison.Ordinal) ? YamlEmitter.Quote(text) : text);

    public static implicit operator WrittenYamlNode(bool value) => new WrittenYamlScalar(value ? "true" : "false");

    public static implicit operator WrittenYamlNode(int value) => new WrittenYamlScalar(value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A scalar, already in its written form: strings double-quoted, booleans and numbers plain.</summary>
internal sealed class WrittenYamlScalar(string text) : WrittenYamlNode
{
    public string Text { get; } = text;
}

/// <summary>A block mapping whose entries are written in the order they were added.</summary>
internal sealed class WrittenYamlMap : WrittenYamlNode, IEnumerable<KeyValuePair<string, WrittenYamlNode>>
{
    private readonly List<KeyValuePair<string, WrittenYamlNode>> entries = [];

    public int Count => entries.Count;

    public void Add(string key, WrittenYamlNode value)
    {
        // Keys are Sixgill's own field names; a key that needed quoting would be a bug here.
        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"'{key}' is not a plain YAML key", nameof(key));
        }

        entries.Add(new(key, value));
    }

    /// <summary>A key from a file Sixgill read: written plain when it can be, else double-quoted.</summary>
    public void AddAnyKey(string key, WrittenYamlNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        entries.Add(new(YamlEmitter.IsSafePlain(key) ? key : YamlEmitter.Quote(key), value));
    }

    public IEnumerator<KeyValuePair<string, WrittenYamlNode>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A block sequence.</summary>
internal sealed class WrittenYamlList : WrittenYamlNode, IEnumerable<WrittenYamlNode>
{
    private readonly List<WrittenYamlNode> items = [];

    public WrittenYamlList()
    {
    }

    public WrittenYamlList(IEnumerable<WrittenYamlNode> items) => this.items.AddRange(items);

    public int Count => items.Count;

    public void Add(WrittenYamlNode item) => items.Add(item);

    public IEnumerator<WrittenYamlNode> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
