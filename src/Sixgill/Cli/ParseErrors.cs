using System.CommandLine;
using Sixgill.Cli.Surface;
using Sixgill.Config;

namespace Sixgill.Cli;

/// <summary>
/// What a wrong command line gets: System.CommandLine's messages, made useful — "did you mean" for
/// a mistyped command or option, and the list of commands where one is missing.
/// </summary>
internal static class ParseErrors
{
    /// <summary>One line per problem, and the hint (a suggestion, or where to look).</summary>
    public static (IReadOnlyList<string> Lines, string Hint) Describe(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var command = parsed.CommandResult.Command;
        var where = CommandPath.Of(command);
        var name = where.Length == 0 ? "sixgill" : $"sixgill {where}";
        var lines = new List<string>();
        string? suggestion = null;
        foreach (var token in parsed.UnmatchedTokens)
        {
            if (token.StartsWith('-'))
            {
                var known = Options(command).ToList();
                var near = Suggestions.Nearest(token, known);
                lines.Add($"{name} has no option '{token}'");
                suggestion ??= near is null ? null : $"did you mean '{near}'?";
            }
            else if (command.Subcommands.Count > 0)
            {
                var known = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
                var near = Suggestions.Nearest(token, known);
                lines.Add($"'{token}' is not a command of {name}");
                suggestion ??= near is null ? $"the commands are: {string.Join(", ", known)}" : $"did you mean '{(where.Length == 0 ? "" : where + " ")}{near}'?";
            }
            else
            {
                lines.Add($"{name} takes no argument '{token}'");
            }
        }

        foreach (var error in parsed.Errors.Where(e => !IsAboutUnmatched(e, parsed)))
        {
            if (command.Subcommands.Count > 0 && command.Action is null && parsed.UnmatchedTokens.Count > 0)
            {
                continue; // "Required command was not provided": the unknown word above says it better
            }

            if (command.Subcommands.Count > 0 && command.Action is null)
            {
                var known = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
                lines.Add($"{name} needs a command: {string.Join(", ", known)}");
                break;
            }

            lines.Add(error.Message);
        }

        return (lines.Distinct().ToList(), suggestion ?? $"'sixgill help{(where.Length == 0 ? "" : " " + where)}' lists the commands and options");
    }

    /// <summary>Every spelling of every option the command takes, its own and the ones it inherits (--help).</summary>
    private static IEnumerable<string> Options(Command command)
    {
        var own = command.Options.Where(o => !o.Hidden);
        var inherited = command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive && !o.Hidden));
        return own.Concat(inherited).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal) || n.Length == 2);
    }

    private static bool IsAboutUnmatched(System.CommandLine.Parsing.ParseError error, ParseResult parsed) =>
        parsed.UnmatchedTokens.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
}
