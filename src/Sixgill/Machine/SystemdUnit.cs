namespace Sixgill.Machine;

/// <summary>One unit file: its name under <see cref="ISystemd.UnitDirectory"/> and its text.</summary>
internal sealed record SystemdUnit(string Name, string Text);
