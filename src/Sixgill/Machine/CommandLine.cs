namespace Sixgill.Machine;

/// <summary>
/// Shows an argument vector the way a person would type it, for logs and messages only: nothing
/// ever runs this text.
/// </summary>
internal static class CommandLine
{
    public static string Format(IReadOnlyList<string> command) => string.Join(' ', command.Select(Quote));

    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(IsPlain))
        {
            return argument;
        }

        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c, StringComparison.Ordinal);
}
