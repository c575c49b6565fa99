namespace Sixgill.Steps.Text;

/// <summary>
/// Builds an edit of a line-oriented file from positions in the original text: lines inserted before
/// a line or appended, lines disabled. Shared by the hosts and resolver editors, which differ only in
/// deciding what to add and disable.
/// </summary>
internal sealed class LineEditBuilder
{
    private readonly Dictionary<int, List<string>> insertedBefore = [];
    private readonly SortedSet<int> disabled = [];

    public LineEditBuilder(string text)
    {
        Lines = TextLines.Split(text);
    }

    /// <summary>The lines of the original text.</summary>
    public IReadOnlyList<TextLine> Lines { get; }

    /// <summary>Adds <paramref name="content"/> (marked as Sixgill's) before line <paramref name="index"/>; <c>Lines.Count</c> appends.</summary>
    public void InsertBefore(int index, string content)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Lines.Count);
        if (!insertedBefore.TryGetValue(index, out var list))
        {
            insertedBefore[index] = list = [];
        }

        list.Add(content + LineEdit.AddedMarker);
    }

    public void Append(string content) => InsertBefore(Lines.Count, content);

    public void Disable(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Lines.Count);
        disabled.Add(index);
    }

    public EditedText Build()
    {
        var ending = TextLines.PreferredEnding(Lines);
        var result = new List<TextLine>();
        var added = new List<string>();
        var lastOriginal = -1;
        for (var i = 0; i <= Lines.Count; i++)
        {
            foreach (var content in insertedBefore.GetValueOrDefault(i) ?? [])
            {
                result.Add(new TextLine(content, ending));
                added.Add(content);
            }

            if (i < Lines.Count)
            {
                var line = Lines[i];
                lastOriginal = result.Count;
                result.Add(disabled.Contains(i) ? line with { Content = LineEdit.DisabledPrefix + line.Content } : line);
            }
        }

        // Lines appended after a last line without newline: that line needs one first.
        var appendsAfterUnterminated = lastOriginal >= 0 && Lines[^1].Ending.Length == 0 && insertedBefore.ContainsKey(Lines.Count);
        if (appendsAfterUnterminated)
        {
            result[lastOriginal] = result[lastOriginal] with { Ending = ending };
        }

        var edit = new LineEdit([.. added], [.. disabled.Select(i => Lines[i].Content)], appendsAfterUnterminated);
        return new EditedText(TextLines.Join(result), edit);
    }
}
