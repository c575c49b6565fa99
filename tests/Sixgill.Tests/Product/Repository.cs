namespace Sixgill.Tests.Product;

/// <summary>The repository these tests were built from: its files, read as the docs and packages are.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Read(string path) => File.ReadAllText(System.IO.Path.Combine(Root, path));

    public static string Path(string path) => System.IO.Path.Combine(Root, path);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Sixgill.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Sixgill.slnx above {AppContext.BaseDirectory}");
    }
}
