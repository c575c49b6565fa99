using Sixgill.Values;

namespace Sixgill.Steps.Text;

/// <summary>
/// Makes <c>/etc/hosts</c> map each name to exactly its addresses (docs/steps.md), as a pure
/// function: text in, text and undo record out.
/// </summary>
/// <remarks>
/// A line that maps one of the names to another address is disabled, never deleted. If that line
/// also names hosts that are not Sixgill's (<c>127.0.0.1 localhost node1</c>), a replacement line
/// with just those names is added right after it, so that <c>localhost</c> keeps resolving; undo
/// removes the replacement and re-enables the original. Names are whole fields compared without
/// case (as the resolver does), addresses are compared as numbers.
/// </remarks>
internal static class HostsFileEditor
{
    public static EditedText Ensure(string text, IReadOnlyCollection<HostsEntry> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var builder = new LineEditBuilder(text);
        var wanted = mappings.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Address).ToHashSet(), StringComparer.OrdinalIgnoreCase);
        var covered = new HashSet<HostsEntry>(MappingComparer.Instance);

        for (var i = 0; i < builder.Lines.Count; i++)
        {
            if (Parse(builder.Lines[i].Content) is not { } line)
            {
                continue;
            }

            var conflicting = line.Names.Any(name => wanted.TryGetValue(name, out var addresses) && (line.Address is not { } ip || !addresses.Contains(ip)));
            if (conflicting)
            {
                builder.Disable(i);
                var others = line.Names.Where(name => !wanted.ContainsKey(name)).ToList();
                if (others.Count > 0)
                {
                    builder.InsertBefore(i + 1, $"{line.AddressField} {string.Join(' ', others)}");
                }

                continue;
            }

            if (line.Address is { } address)
            {
                foreach (var name in line.Names)
                {
                    covered.Add(new HostsEntry(address, name));
                }
            }
        }

        foreach (var mapping in mappings.Distinct(MappingComparer.Instance).Where(m => !covered.Contains(m)))
        {
            builder.Append(mapping.ToString());
        }

        return builder.Build();
    }

    /// <summary>
    /// The address and names of a hosts line; null for blank lines and comments. An address with a
    /// zone (<c>fe80::1%eth0</c>) is read without it; one that does not parse has no
    /// <see cref="HostsLine.Address"/>, so it counts as "another address".
    /// </summary>
    public static HostsLine? Parse(string content)
    {
        var fields = TextLines.Fields(content, "#");
        if (fields.Length < 2)
        {
            return null;
        }

        var zone = fields[0].IndexOf('%', StringComparison.Ordinal);
        Ip? address = Ip.TryParse(zone < 0 ? fields[0] : fields[0][..zone], out var ip) ? ip : null;
        return new HostsLine(fields[0], address, fields[1..]);
    }

    private sealed class MappingComparer : IEqualityComparer<HostsEntry>
    {
        public static readonly MappingComparer Instance = new();

        public bool Equals(HostsEntry? x, HostsEntry? y) =>
            x is not null && y is not null && x.Address == y.Address && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode(HostsEntry obj) => HashCode.Combine(obj.Address, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Name));
    }
}

/// <summary>One mapping line of a hosts file.</summary>
internal sealed record HostsLine(string AddressField, Ip? Address, string[] Names);
