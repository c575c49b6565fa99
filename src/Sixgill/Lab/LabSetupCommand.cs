namespace Sixgill.Lab;

/// <summary>One command of a lab's setup, with what it is for (said in the error if it fails).</summary>
internal sealed record LabSetupCommand(string Purpose, IReadOnlyList<string> Command);

/// <summary>
/// Commands of a lab's setup that may run side by side: each sequence in its order, the sequences
/// at the same time (the nodes of a lab, which touch nothing of each other's).
/// </summary>
internal sealed record LabSetupStage(IReadOnlyList<IReadOnlyList<LabSetupCommand>> Sequences);
