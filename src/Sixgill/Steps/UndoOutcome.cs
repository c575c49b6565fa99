namespace Sixgill.Steps;

internal enum UndoStatus
{
    /// <summary>The change was taken back.</summary>
    Reverted,

    /// <summary>Nothing of the change was there any more (already undone, or never applied).</summary>
    NothingToDo,

    /// <summary>Someone changed it since, or the state before is unknown: left as it is.</summary>
    LeftAlone,
}

/// <summary>What an undo did, with a detail for people.</summary>
internal sealed record UndoOutcome(UndoStatus Status, string? Detail = null)
{
    public static UndoOutcome Reverted(string? detail = null) => new(UndoStatus.Reverted, detail);

    public static UndoOutcome NothingToDo(string? detail = null) => new(UndoStatus.NothingToDo, detail);

    public static UndoOutcome LeftAlone(string detail) => new(UndoStatus.LeftAlone, detail);
}
