using Sixgill.Steps.Text;

namespace Sixgill.Steps;

/// <summary>
/// Lines Sixgill owns inside a file it shares with people (<c>/etc/hosts</c>, <c>/etc/resolv.conf</c>):
/// its lines added with a marker, conflicting lines disabled rather than deleted. The edit itself is
/// a pure function of the text (<see cref="Edit"/>); this base does the reading, writing and undo.
/// </summary>
internal abstract record EditFileLines(string Path) : Step
{
    /// <summary>The text as it should be, and the record of how it got there.</summary>
    public abstract EditedText Edit(string text);

    public override ProbeResult Probe(StepContext context)
    {
        var edit = Edit(ReadText(context)).Edit;
        return edit.IsEmpty ? ProbeResult.Present
            : edit.Disabled.IsEmpty ? ProbeResult.Absent(edit.Summary)
            : ProbeResult.Different(edit.Summary);
    }

    public override Undo PrepareUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RevertLineEdit(Path, Edit(ReadText(context)).Edit, FileExisted: context.Files.Stat(Path) is not null);
    }

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        var revert = Expect<RevertLineEdit>(undo);
        var edited = Edit(ReadText(context));
        if (!edited.Edit.Equals(revert.Edit))
        {
            throw new InvalidOperationException($"{Path} changed while Sixgill was editing it; run again");
        }

        context.Files.Write(Path, FileText.Encode(edited.Text));
    }

    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = LineEdit.FoundIn(ReadText(context));
        return found.IsEmpty ? null : new RevertLineEdit(Path, found, FileExisted: true);
    }

    private string ReadText(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FileText.Decode(context.Files.Read(Path));
    }
}

/// <summary>Removes Sixgill's lines and re-enables the lines it disabled, each matched by its whole text.</summary>
/// <param name="FileExisted">False when Sixgill created the file: it is deleted again once nothing is left in it.</param>
internal sealed record RevertLineEdit(string Path, LineEdit Edit, bool FileExisted) : Undo
{
    public override string Describe() => $"take back Sixgill's lines in {Path} ({Edit.Summary})";

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bytes = context.Files.Read(Path);
        if (bytes is null)
        {
            return UndoOutcome.NothingToDo($"{Path} is gone");
        }

        var text = FileText.Decode(bytes);
        var reverted = Edit.RevertIn(text);
        var missing = reverted.NotFound.IsEmpty ? null : $"not found (changed since), left alone: {string.Join(" | ", reverted.NotFound)}";
        if (reverted.Text == text)
        {
            // Unchanged means none of the record was found: never written (a crash before apply) or removed by hand.
            return UndoOutcome.NothingToDo($"none of Sixgill's lines are in {Path}");
        }

        if (!FileExisted && reverted.Text.Length == 0)
        {
            context.Files.Delete(Path);
        }
        else
        {
            context.Files.Write(Path, FileText.Encode(reverted.Text));
        }

        return missing is null ? UndoOutcome.Reverted() : UndoOutcome.LeftAlone($"partly reverted; {missing}");
    }
}
