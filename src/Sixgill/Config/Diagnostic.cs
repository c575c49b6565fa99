namespace Sixgill.Config;

internal enum Severity
{
    Warning,
    Error,
}

/// <summary>A place in the config file, 1-based like every editor.</summary>
internal readonly record struct SourcePosition(int Line, int Column) : IComparable<SourcePosition>
{
    public static readonly SourcePosition Start = new(1, 1);

    /// <summary>For findings about the command line rather than a place in the file (SG070).</summary>
    public static readonly SourcePosition None = new(0, 0);

    public int CompareTo(SourcePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);

    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>One finding about the config: a stable code, where, what, and how to fix it.</summary>
internal sealed record Diagnostic(string Code, Severity Severity, SourcePosition Position, string Message, string? Hint = null)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>The message as shown: one line, values shortened, control characters escaped (<see cref="EchoText"/>).</summary>
    public string ShownMessage => EchoText.Show(Message);

    /// <summary>The hint as shown, like <see cref="ShownMessage"/>.</summary>
    public string? ShownHint => Hint is null ? null : EchoText.Show(Hint);

    /// <summary><c>config.yaml:3:5: error SG004: message (hint)</c>, the form editors and CI logs link to; always one line.</summary>
    public string Format(string fileName)
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var hint = ShownHint is { } shown ? $" ({shown})" : "";
        var file = EchoText.Show(fileName);
        var at = Position == SourcePosition.None ? file : $"{file}:{Position.Line}:{Position.Column}";
        return $"{at}: {kind} {Code}: {ShownMessage}{hint}";
    }
}
