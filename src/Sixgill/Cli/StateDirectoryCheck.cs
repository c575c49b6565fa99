using Sixgill.Config;

namespace Sixgill.Cli;

/// <summary>
/// <c>--state-dir</c> checked before any command runs (a mistake there is exit 2, like any bad
/// argument): an absolute path, no control characters, and nothing on the way to it or at it that
/// is not a directory. It need not exist yet: the first change creates it.
/// </summary>
internal static class StateDirectoryCheck
{
    /// <summary>What is wrong with <paramref name="path"/> as a state directory; null when nothing is.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return "--state-dir is empty; give a directory such as /var/lib/sixgill";
        }

        if (path.Any(char.IsControl))
        {
            return $"--state-dir {EchoText.Show(path)} holds control characters";
        }

        if (!Path.IsPathRooted(path))
        {
            return $"--state-dir {EchoText.Show(path)} must be an absolute path (it names where the journal of this node lives, whatever the working directory)";
        }

        for (var at = Path.TrimEndingDirectorySeparator(path); !string.IsNullOrEmpty(at); at = Path.GetDirectoryName(at))
        {
            if (Directory.Exists(at))
            {
                return null;
            }

            if (File.Exists(at))
            {
                return at == Path.TrimEndingDirectorySeparator(path)
                    ? $"--state-dir {EchoText.Show(path)} is a file, not a directory"
                    : $"--state-dir {EchoText.Show(path)} cannot be made: {EchoText.Show(at)} is a file, not a directory";
            }
        }

        return null;
    }
}
