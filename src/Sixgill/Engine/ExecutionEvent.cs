namespace Sixgill.Engine;

internal enum ExecutionEventKind
{
    Applying,
    Applied,
    Failed,
    Reverting,
    Reverted,
}

/// <summary>Progress for the CLI's live display; the reports carry the results.</summary>
internal sealed record ExecutionEvent(ExecutionEventKind Kind, string Description, string? Detail = null);
