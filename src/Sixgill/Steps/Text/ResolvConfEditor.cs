using Sixgill.Values;

namespace Sixgill.Steps.Text;

/// <summary>
/// Makes an address the first <c>nameserver</c> of a plain <c>/etc/resolv.conf</c> (docs/steps.md),
/// as a pure function: text in, text and undo record out.
/// </summary>
/// <remarks>
/// The line goes right before the first nameserver (or at the end when there is none), so that
/// <c>search</c>/<c>options</c> lines stay where they are. Later lines for the same address are
/// disabled: a duplicate would take one of the resolver's three slots for nothing.
/// </remarks>
internal static class ResolvConfEditor
{
    public static EditedText EnsureFirstNameserver(string text, Ip nameserver)
    {
        var builder = new LineEditBuilder(text);
        var servers = Enumerable.Range(0, builder.Lines.Count)
            .Select(i => (Index: i, Line: ParseNameserver(builder.Lines[i].Content)))
            .Where(server => server.Line is not null)
            .ToList();

        if (servers.Count > 0 && servers[0].Line!.Address == nameserver)
        {
            return builder.Build(); // already first: nothing to do
        }

        builder.InsertBefore(servers.Count > 0 ? servers[0].Index : builder.Lines.Count, $"nameserver {nameserver}");
        foreach (var server in servers.Where(s => s.Line!.Address == nameserver))
        {
            builder.Disable(server.Index);
        }

        return builder.Build();
    }

    /// <summary>
    /// A <c>nameserver</c> line as the resolver reads it (keyword at the very start of the line); null
    /// for other lines. One whose address does not parse still holds a slot, with no
    /// <see cref="NameserverLine.Address"/>.
    /// </summary>
    public static NameserverLine? ParseNameserver(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.StartsWith("nameserver ", StringComparison.Ordinal) && !content.StartsWith("nameserver\t", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = TextLines.Fields(content, "#;");
        if (fields.Length < 2)
        {
            return new NameserverLine(null);
        }

        var zone = fields[1].IndexOf('%', StringComparison.Ordinal);
        return new NameserverLine(Ip.TryParse(zone < 0 ? fields[1] : fields[1][..zone], out var ip) ? ip : null);
    }
}

/// <summary>A <c>nameserver</c> line of resolv.conf.</summary>
internal sealed record NameserverLine(Ip? Address);
