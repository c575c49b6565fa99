namespace Sixgill.Cli.Surface;

/// <summary>
/// The tables every shell's completion script is made of, as text the scripts switch on: the
/// subcommands and options of each command path, and what value each option and argument takes
/// (<c>file</c>, <c>dir</c>, <c>node</c>, <c>command</c>, <c>text</c>, or <c>choice A B …</c>).
/// </summary>
internal static class CompletionData
{
    /// <summary>The word a script gets for a value kind; null for a flag.</summary>
    public static string? Word(ValueKind kind, IReadOnlyList<string> values) => kind switch
    {
        ValueKind.None => null,
        ValueKind.File => "file",
        ValueKind.Directory => "dir",
        ValueKind.Node => "node",
        ValueKind.Command => "command",
        ValueKind.Choice => "choice " + string.Join(' ', values),
        _ => "text",
    };

    /// <summary>The kind of every value-taking option, by command path and option spelling.</summary>
    public static IEnumerable<(string Path, string Option, string Kind)> OptionValues(IEnumerable<SurfaceCommand> commands) =>
        from command in commands
        from option in command.Options
        let kind = Word(option.Kind, option.Values)
        where kind is not null
        from name in option.Names
        select (command.Path, name, kind);

    /// <summary>The kind of each command's first positional argument.</summary>
    public static IEnumerable<(string Path, string Kind)> ArgumentValues(IEnumerable<SurfaceCommand> commands) =>
        from command in commands
        where command.Arguments.Count > 0
        select (command.Path, Word(command.Arguments[0].Kind, command.Arguments[0].Values) ?? "text");

    /// <summary>Every spelling of every option of the command, long ones first.</summary>
    public static string OptionWords(SurfaceCommand command) => string.Join(' ', command.Options.SelectMany(o => o.Names));

    /// <summary>A shell word in single quotes ('' inside becomes '\'').</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
