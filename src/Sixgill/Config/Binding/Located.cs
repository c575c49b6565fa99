namespace Sixgill.Config.Binding;

/// <summary>
/// A value read from the file with where it was written and under which key, so that a rule that
/// looks at several settings at once can still point at the one that is wrong and name it.
/// </summary>
internal readonly record struct Located<T>(T Value, SourcePosition Position, string Key)
{
    /// <summary>Another value read from the same place (the number a text stands for, …).</summary>
    public Located<TNew> With<TNew>(TNew value) => new(value, Position, Key);
}
