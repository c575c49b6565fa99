namespace Sixgill.Ssh;

/// <summary>
/// Quoting for the one place a command line must pass through a shell: SSH's exec request is a
/// string the remote login shell parses. Every word is single-quoted, so no character in it is special.
/// </summary>
internal static class ShellWords
{
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '=' or ':' or ',' or '@')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    public static string Join(IEnumerable<string> words) => string.Join(" ", words.Select(Quote));
}
