using System.Text;
using Sixgill.Machine;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>In-memory <c>net.*</c> sysctls (the key type already refuses the rest).</summary>
internal sealed class FakeSysctl(Doom? doom = null) : ISysctl
{
    private readonly Doom doom = doom ?? new Doom();
    private readonly SortedDictionary<string, string> values = new(StringComparer.Ordinal);

    public List<string> Log { get; } = [];

    public FakeSysctl With(string key, string value)
    {
        values[SysctlKey.Parse(key).Name] = value;
        return this;
    }

    /// <summary>The key goes away, as a module's keys do when it is unloaded.</summary>
    public FakeSysctl Remove(string key)
    {
        values.Remove(SysctlKey.Parse(key).Name);
        return this;
    }

    public string Read(SysctlKey key)
    {
        doom.Check();
        return values.TryGetValue(key.Name, out var value) ? value : throw new PreconditionFailedException($"sysctl {key} does not exist on this kernel");
    }

    public void Write(SysctlKey key, string value)
    {
        doom.Change();
        Log.Add($"{key}={value}");
        values[key.Name] = value;
    }

    public string Snapshot()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in values)
        {
            text.Append(key).Append('=').AppendLine(value);
        }

        return text.ToString();
    }
}
