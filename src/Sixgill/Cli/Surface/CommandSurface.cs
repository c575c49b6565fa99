using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;

namespace Sixgill.Cli.Surface;

/// <summary>What a value of an option or argument is, for completion and the manual.</summary>
internal enum ValueKind
{
    /// <summary>A flag: no value.</summary>
    None,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>A path to a file.</summary>
    File,

    /// <summary>A path to a directory.</summary>
    Directory,

    /// <summary>A node of the config given with <c>-c</c>.</summary>
    Node,

    /// <summary>One of <see cref="SurfaceOption.Values"/>.</summary>
    Choice,

    /// <summary>A command of sixgill (for <c>help</c>).</summary>
    Command,
}

/// <summary>One option as the shells and the manual see it.</summary>
internal sealed record SurfaceOption(string Name, IReadOnlyList<string> Aliases, string Description, string? HelpName, ValueKind Kind, IReadOnlyList<string> Values)
{
    /// <summary>The long name first, then the short ones.</summary>
    public IEnumerable<string> Names => [Name, .. Aliases];

    public bool TakesValue => Kind != ValueKind.None;
}

/// <summary>One positional argument.</summary>
internal sealed record SurfaceArgument(string Name, string Description, ValueKind Kind, IReadOnlyList<string> Values, bool Many);

/// <summary>One command of the tree, by its path (<c>""</c> for sixgill itself, <c>"lab up"</c>).</summary>
internal sealed record SurfaceCommand(string Path, string Description, IReadOnlyList<string> Subcommands, IReadOnlyList<SurfaceOption> Options,
    IReadOnlyList<SurfaceArgument> Arguments, IReadOnlyList<string> Examples)
{
    public string Name => Path.Length == 0 ? "sixgill" : Path[(Path.LastIndexOf(' ') + 1)..];

    /// <summary>The first line of the description: the command's summary.</summary>
    public string Summary => Description.Split('\n')[0].Trim();
}

/// <summary>
/// The command line as data, read from the same command definitions the parser uses, so the
/// completion scripts and the manual page cannot disagree with the binary.
/// </summary>
internal static class CommandSurface
{
    public static IReadOnlyList<SurfaceCommand> Read(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var commands = new List<SurfaceCommand>();
        Walk(root, "", [], commands);
        return commands;
    }

    private static void Walk(Command command, string path, IReadOnlyList<Option> inherited, List<SurfaceCommand> into)
    {
        var options = inherited.Concat(command.Options).Where(o => !o.Hidden).DistinctBy(o => o.Name).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        into.Add(new SurfaceCommand(path, command.Description ?? "", [.. subcommands.Select(c => c.Name)],
            [.. options.Select(Describe)], [.. command.Arguments.Where(a => !a.Hidden).Select(Describe)], CommandExamples.For(path)));
        var recursive = inherited.Concat(command.Options.Where(o => o.Recursive)).ToList();
        foreach (var sub in subcommands)
        {
            Walk(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}", recursive, into);
        }
    }

    private static SurfaceOption Describe(Option option)
    {
        var values = Choices(option.GetCompletions(CompletionContext.Empty), option.ValueType);
        var kind = option is HelpOption || option.Arity.MaximumNumberOfValues == 0 ? ValueKind.None : KindOf(option.HelpName, values);
        return new SurfaceOption(option.Name, [.. option.Aliases.Where(IsSpelling).Order(StringComparer.Ordinal)], option.Description ?? "", option.HelpName, kind,
            kind == ValueKind.Choice ? values : []);
    }

    /// <summary>A spelling the shells can offer: <c>-h</c>, <c>--help</c>; not <c>-?</c> or <c>/h</c>.</summary>
    private static bool IsSpelling(string alias) => alias.StartsWith('-') && alias.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static SurfaceArgument Describe(Argument argument)
    {
        var values = Choices(argument.GetCompletions(CompletionContext.Empty), argument.ValueType);
        var kind = KindOf(argument.HelpName ?? argument.Name, values);
        return new SurfaceArgument(argument.Name, argument.Description ?? "", kind, kind == ValueKind.Choice ? values : [],
            argument.Arity.MaximumNumberOfValues > 1);
    }

    private static List<string> Choices(IEnumerable<CompletionItem> items, Type type) =>
        type == typeof(bool) ? [] : [.. items.Select(i => i.Label)];

    /// <summary>What a value is, from the name the help shows for it: FILE, DIR, NODE, COMMAND.</summary>
    private static ValueKind KindOf(string? helpName, List<string> values) => helpName switch
    {
        _ when values.Count > 0 => ValueKind.Choice,
        "FILE" => ValueKind.File,
        "DIR" => ValueKind.Directory,
        "NODE" => ValueKind.Node,
        "COMMAND" => ValueKind.Command,
        _ => ValueKind.Text,
    };
}
