namespace Sixgill.Engine;

/// <summary>A step's apply returned, but probing again shows the node is still not as wanted.</summary>
internal sealed class StepNotTakenException(string description, string? detail)
    : Exception($"{description}: still not so after applying" + (detail is null ? "" : $" ({detail})"));
