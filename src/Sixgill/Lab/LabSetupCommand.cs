namespace Sixgill.Lab;

/// <summary>One command of a lab's setup, with what it is for (said in the error if it fails).</summary>
internal sealed record LabSetupCommand(string Purpose, IReadOnlyList<string> Command);
