using System.CommandLine;

namespace Sixgill.Cli.Surface;

/// <summary>A command's path below sixgill: <c>""</c> for sixgill itself, <c>"lab up"</c>.</summary>
internal static class CommandPath
{
    public static string Of(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var names = new List<string>();
        // The root (sixgill itself) is the command without a parent.
        for (Symbol? at = command; at is Command { } current && current.Parents.Any(); at = current.Parents.FirstOrDefault())
        {
            names.Add(current.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>The command at <paramref name="words"/> below <paramref name="root"/>, or null (and how far it got).</summary>
    public static (Command? Command, Command Deepest, string? Unknown) Find(Command root, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(words);
        Command at = root;
        foreach (var word in words)
        {
            if (at.Subcommands.FirstOrDefault(c => c.Name == word && !c.Hidden) is not { } next)
            {
                return (null, at, word);
            }

            at = next;
        }

        return (at, at, null);
    }
}
