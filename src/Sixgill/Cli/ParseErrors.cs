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

            var (line, near) = Reworded(error, name);
            lines.Add(line);
            suggestion ??= near;
        }

        return (lines.Distinct().ToList(), suggestion ?? $"'sixgill help{(where.Length == 0 ? "" : " " + where)}' lists the commands and options");
    }

    /// <summary>
    /// System.CommandLine's words for a value outside a fixed list ("Argument 'x' not recognized. Must be
    /// one of:" and the list on lines of their own), for a value that is not a number ("Cannot parse
    /// argument 'x' for option '--y' as expected type 'System.Double'") and for an option given twice
    /// ("Option '--y' expects a single argument but 2 were provided"), on one line, in ours.
    /// </summary>
    /// <param name="command">The command's name as typed, <c>sixgill plan</c>.</param>
    private static (string Line, string? Suggestion) Reworded(System.CommandLine.Parsing.ParseError error, string command)
    {
        var message = error.Message;
        var owner = error.SymbolResult is System.CommandLine.Parsing.OptionResult option ? option.Option.Name
            : command.StartsWith("sixgill ", StringComparison.Ordinal) ? command["sixgill ".Length..] : command;
        if (Quoted(message) is [var value, .. var allowed] && message.StartsWith("Argument '", StringComparison.Ordinal)
            && message.Contains("Must be one of", StringComparison.Ordinal) && allowed.Count > 0)
        {
            var near = Suggestions.Nearest(value, allowed);
            return ($"{owner}: '{value}' is not one of {string.Join(", ", allowed)}", near is null ? null : $"did you mean '{near}'?");
        }

        if (Quoted(message) is [var text, var name, var type] && message.StartsWith("Cannot parse argument '", StringComparison.Ordinal))
        {
            var kind = type switch
            {
                "System.Double" or "System.Single" or "System.Decimal" => "a number",
                "System.Int32" or "System.Int64" or "System.UInt16" or "System.UInt32" => "a whole number",
                _ => "a value it takes",
            };
            return ($"{name}: '{text}' is not {kind}", null);
        }

        if (Quoted(message) is [var repeated] && message.StartsWith("Option '", StringComparison.Ordinal)
            && message.Contains("expects a single argument", StringComparison.Ordinal))
        {
            return ($"{repeated} is given more than once; it takes one value", null);
        }

        return (message, null);
    }

    /// <summary>The texts between single quotes, in order.</summary>
    private static List<string> Quoted(string message)
    {
        var found = new List<string>();
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = message.IndexOf('\'', start + 1);
            if (end < 0)
            {
                break;
            }

            found.Add(message[(start + 1)..end]);
            start = message.IndexOf('\'', end + 1);
        }

        return found;
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
