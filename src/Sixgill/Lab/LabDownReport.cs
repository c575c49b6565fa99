namespace Sixgill.Lab;

/// <summary>What <c>lab down</c> did: the daemons stopped by pid, those left alone, and the sweep.</summary>
/// <param name="LeftAlone">Daemons whose pid is now another program, or that would not end.</param>
internal sealed record LabDownReport(string Lab, IReadOnlyList<LabDaemon> Daemons, IReadOnlyList<LabDaemon> LeftAlone, LabSweepReport Sweep)
{
    public bool FoundAnything => Daemons.Count > 0 || Sweep.FoundAnything;

    public bool IsClean => Sweep.IsClean;
}
