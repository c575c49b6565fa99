namespace Sixgill.Config.Binding;

/// <summary>
/// A value read from the file with where it was written and under which key, so that a rule that
/// looks at several settings at once can still point at the one that is wrong and name it.
/// </summary>
internal readonly record struct Located<T>(T Value, SourcePosition Position, string Key)
{
    /// <summary>Another value read from the same place (the number a text stands for, …).</summary>
    public Located<TNew> With<TNew>(TNew value) => new(value, Position, Key);

    /// <summary>
    /// Where the prefix length was written when it has a line of its own (Orca's <c>size</c>,
    /// <c>prefix_size</c>): a rule about the length points there, not at the address.
    /// </summary>
    public SourcePosition? LengthAt { get; init; }

    /// <summary>Where a diagnostic about the length goes: its own line if it has one, else the value's.</summary>
    public SourcePosition LengthPosition => LengthAt ?? Position;
}
