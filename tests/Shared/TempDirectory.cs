namespace Sixgill.Testing;

/// <summary>
/// The one temporary directory of the tests: made (empty, only for its owner) on construction,
/// deleted with everything in it on <see cref="Dispose"/>. Converts to its path, so it can be
/// handed to anything that takes a directory. Linked into both test projects.
/// </summary>
internal sealed class TempDirectory : IDisposable
{
    /// <summary>Makes a new directory under the system's temporary directory.</summary>
    /// <param name="prefix">The start of its name, e.g. "sixgill-lock-".</param>
    /// <param name="mode">Its mode, where other users must read it (a config a test runs sixgill on as nobody); owner only when not given.</param>
    public TempDirectory(string prefix = "sixgill-test-", UnixFileMode? mode = null)
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
        if (mode is { } chosen && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, chosen);
        }
    }

    public string Path { get; }

    public static implicit operator string(TempDirectory directory) => directory?.Path ?? throw new ArgumentNullException(nameof(directory));

    /// <summary>The path of <paramref name="name"/> inside this directory.</summary>
    /// <param name="name">A file or directory name, or a relative path.</param>
    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    public override string ToString() => Path;
}
