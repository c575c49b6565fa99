namespace Sixgill.Tests;

/// <summary>The repository the tests run from: its root, and its files by relative path.</summary>
internal static class Repository
{
    /// <summary>The directory that holds Sixgill.slnx, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The full path of <paramref name="relative"/> (written with '/') under the root.</summary>
    public static string PathOf(string relative) => Path.Combine([Root, .. relative.Split('/')]);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sixgill.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Sixgill.slnx above {AppContext.BaseDirectory}");
    }
}
