using System.Collections.Immutable;
using Sixgill.Steps.Text;

namespace Sixgill.Steps;

/// <summary>Lines Sixgill adds to a file it shares with people, in any order (see <see cref="OwnLinesEditor"/>).</summary>
internal sealed record EnsureLines(string Path, ImmutableArray<string> Lines) : EditFileLines(Path)
{
    public override string Id => $"lines:{Path}";

    public override string Description => $"{Lines.Length} lines in {Path}";

    public override EditedText Edit(string text) => OwnLinesEditor.Ensure(text, Lines);
}
