namespace Sixgill.Lab;

/// <summary>What a sweep found and removed, and what it could not remove.</summary>
internal sealed record LabSweepReport(
    string Lab,
    IReadOnlyList<int> EndedProcesses,
    IReadOnlyList<string> Unmounted,
    IReadOnlyList<string> DeletedNamespaces,
    bool RemovedWorkDirectory,
    IReadOnlyList<string> Problems)
{
    public bool IsClean => Problems.Count == 0;

    public bool FoundAnything => EndedProcesses.Count + Unmounted.Count + DeletedNamespaces.Count > 0 || RemovedWorkDirectory;

    public LabSweepReport EnsureClean() =>
        IsClean ? this : throw new LabException($"lab '{Lab}' was not removed completely: {string.Join("; ", Problems)}");
}
