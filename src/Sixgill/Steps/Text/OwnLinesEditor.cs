namespace Sixgill.Steps.Text;

/// <summary>
/// Adds lines to a file whose order does not matter (site rules of an AppArmor profile): each line
/// not yet there is appended, marked as Sixgill's. A line a person already wrote counts as there.
/// </summary>
internal static class OwnLinesEditor
{
    public static EditedText Ensure(string text, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var builder = new LineEditBuilder(text);
        var present = builder.Lines.Select(l => Unmarked(l.Content).Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var line in lines.Where(line => present.Add(line.Trim())))
        {
            builder.Append(line);
        }

        return builder.Build();
    }

    private static string Unmarked(string content) =>
        content.EndsWith(LineEdit.AddedMarker, StringComparison.Ordinal) ? content[..^LineEdit.AddedMarker.Length] : content;
}
