using System.Collections.Immutable;

namespace Sixgill.Steps.Text;

/// <summary>
/// What Sixgill did to a line-oriented file, recorded so that it can be undone exactly: the lines it
/// added (with their <c># sixgill</c> marker) and the original text of the lines it disabled
/// (prefixed <c>#sixgill# </c>). Undo finds them by their full text, so whatever a person changed
/// since — other lines, or one of these — is left as it is.
/// </summary>
/// <param name="AddedFinalNewline">The file ended without a newline and Sixgill appended after it.</param>
internal sealed record LineEdit(ImmutableArray<string> Added, ImmutableArray<string> Disabled, bool AddedFinalNewline)
{
    /// <summary>Ends every line Sixgill adds.</summary>
    public const string AddedMarker = " # sixgill";

    /// <summary>Starts every line Sixgill disabled; the original line follows unchanged.</summary>
    public const string DisabledPrefix = "#sixgill# ";

    public bool IsEmpty => Added.IsEmpty && Disabled.IsEmpty;

    /// <summary>A short account for plans: <c>add 2 lines, disable 1</c>.</summary>
    public string Summary =>
        string.Join(", ", new[]
        {
            Added.IsEmpty ? null : $"add {Added.Length} line{(Added.Length == 1 ? "" : "s")}",
            Disabled.IsEmpty ? null : $"disable {Disabled.Length}",
        }.OfType<string>());

    /// <summary>
    /// Sixgill's marks found in <paramref name="text"/> without a record of how they got there (clean
    /// without a journal): every marked line is Sixgill's, because the markers are.
    /// </summary>
    public static LineEdit FoundIn(string text)
    {
        var lines = TextLines.Split(text);
        return new LineEdit(
            [.. lines.Select(l => l.Content).Where(c => c.EndsWith(AddedMarker, StringComparison.Ordinal))],
            [.. lines.Select(l => l.Content).Where(c => c.StartsWith(DisabledPrefix, StringComparison.Ordinal)).Select(c => c[DisabledPrefix.Length..])],
            false);
    }

    /// <summary>
    /// Removes the added lines and re-enables the disabled ones, each matched by its whole text and
    /// at most once. Anything not found (a person removed or edited it) is reported, not guessed at.
    /// </summary>
    public LineRevert RevertIn(string text)
    {
        var lines = TextLines.Split(text);
        var toRemove = Added.ToList();
        var toEnable = Disabled.ToList();
        var kept = new List<TextLine>(lines.Count);
        var lastLineRemoved = false;
        foreach (var line in lines)
        {
            lastLineRemoved = toRemove.Remove(line.Content);
            if (lastLineRemoved)
            {
                continue;
            }

            var enabled = line.Content.StartsWith(DisabledPrefix, StringComparison.Ordinal) && toEnable.Remove(line.Content[DisabledPrefix.Length..]);
            kept.Add(enabled ? line with { Content = line.Content[DisabledPrefix.Length..] } : line);
        }

        // The newline Sixgill gave the old last line goes again only if Sixgill's lines were still the
        // tail of the file; if a person wrote after them, that newline is theirs now.
        if (AddedFinalNewline && lastLineRemoved && kept.Count > 0)
        {
            kept[^1] = kept[^1] with { Ending = "" };
        }

        return new LineRevert(TextLines.Join(kept), [.. toRemove, .. toEnable.Select(line => DisabledPrefix + line)]);
    }

    public bool Equals(LineEdit? other) =>
        other is not null && Added.SequenceEqual(other.Added) && Disabled.SequenceEqual(other.Disabled) && AddedFinalNewline == other.AddedFinalNewline;

    public override int GetHashCode() => HashCode.Combine(Added.Length, Disabled.Length, AddedFinalNewline);
}

/// <summary>The text after an undo, and the lines of the record it no longer found.</summary>
internal sealed record LineRevert(string Text, ImmutableArray<string> NotFound);

/// <summary>The text after an edit, and the record that undoes it.</summary>
internal sealed record EditedText(string Text, LineEdit Edit);
