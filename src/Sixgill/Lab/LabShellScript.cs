using System.Text;

namespace Sixgill.Lab;

/// <summary>
/// Runs a sequence of setup commands as one <c>sh -c</c> process instead of one process each (a
/// node's file system is about twenty commands). Every argument is single-quoted, so nothing in a
/// path is read by the shell; each command that fails ends the script after one line
/// <c>cannot PURPOSE</c> on stderr, which <see cref="Failure"/> turns back into the step's error.
/// Pure.
/// </summary>
internal static class LabShellScript
{
    /// <summary>What the script says before it ends on a failed command.</summary>
    public const string CannotPrefix = "cannot ";

    /// <summary>
    /// One step that runs <paramref name="outside"/> on the machine (if any), then <paramref name="enter"/>
    /// (a command ending in <c>--</c> that runs its program in other namespaces, e.g. <c>unshare</c>)
    /// with a shell that runs <paramref name="inside"/> there.
    /// </summary>
    /// <param name="inside">The commands run inside, each with the command that does the same alone (<see cref="LabSetupCommand.Parts"/>).</param>
    public static LabSetupCommand Step(string purpose, IReadOnlyList<LabSetupCommand> outside, LabSetupCommand enter,
        IReadOnlyList<(LabSetupCommand Run, IReadOnlyList<string> Alone)> inside)
    {
        ArgumentNullException.ThrowIfNull(outside);
        ArgumentNullException.ThrowIfNull(enter);
        ArgumentNullException.ThrowIfNull(inside);
        var inner = new StringBuilder();
        foreach (var (run, _) in inside)
        {
            Append(inner, run);
        }

        IReadOnlyList<string> command;
        if (outside.Count == 0)
        {
            command = [.. enter.Command, "sh", "-c", inner.ToString()];
        }
        else
        {
            var script = new StringBuilder();
            foreach (var part in outside)
            {
                Append(script, part);
            }

            // The inner script is the outer one's $1: no quoting inside quoting.
            script.Append("exec ").Append(string.Join(' ', enter.Command.Select(Quote))).Append(" sh -c \"$1\" sh\n");
            command = ["sh", "-c", script.ToString(), "sh", inner.ToString()];
        }

        return new LabSetupCommand(purpose, command)
        {
            Parts = [.. outside, enter with { Command = [.. enter.Command, "sh"] }, .. inside.Select(p => p.Run with { Command = p.Alone })],
        };
    }

    /// <summary>One shell word for <paramref name="argument"/>, taken literally.</summary>
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// The error of a failed script: the part that failed and what its program said
    /// (<c>overlay /etc: mount: …</c>); without the script's line, all it said.
    /// </summary>
    public static string Failure(string purpose, string standardError)
    {
        ArgumentNullException.ThrowIfNull(standardError);
        var lines = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var said = lines.FirstOrDefault(l => l.StartsWith(CannotPrefix, StringComparison.Ordinal));
        var rest = string.Join("; ", lines.Where(l => l != said));
        var cause = rest.Length == 0 ? "(no output)" : rest;
        return said is null ? $"cannot {purpose}: {cause}" : $"{said}: {cause}";
    }

    private static void Append(StringBuilder script, LabSetupCommand part) =>
        script.Append(string.Join(' ', part.Command.Select(Quote)))
            .Append(" || { s=$?; echo ").Append(Quote(CannotPrefix + part.Purpose)).Append(" >&2; exit $s; }\n");
}
