namespace Sixgill.Fleet;

/// <summary>
/// The command line that starts this very <c>sixgill</c> again, to run it on the nodes: the
/// NativeAOT binary or apphost itself, or <c>dotnet sixgill.dll</c> when started that way.
/// </summary>
internal static class SixgillProgram
{
    public static IReadOnlyList<string> Current()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell where this sixgill program is");
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? [path, Path.Combine(AppContext.BaseDirectory, "sixgill.dll")]
            : [path];
    }
}
