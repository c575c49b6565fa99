namespace Sixgill.Lab;

/// <summary>What a sweep found and removed, and what it could not remove.</summary>
/// <param name="RemovedDirectory">The lab's work directory or the directory it shares with its nodes was removed.</param>
internal sealed record LabSweepReport(
    string Lab,
    IReadOnlyList<int> EndedProcesses,
    IReadOnlyList<string> Unmounted,
    IReadOnlyList<string> DeletedNamespaces,
    bool RemovedDirectory,
    IReadOnlyList<string> Problems)
{
    public bool IsClean => Problems.Count == 0;

    public bool FoundAnything => EndedProcesses.Count + Unmounted.Count + DeletedNamespaces.Count > 0 || RemovedDirectory;

    public LabSweepReport EnsureClean() =>
        IsClean ? this : throw new LabException($"lab '{Lab}' was not removed completely: {string.Join("; ", Problems)}");
}
