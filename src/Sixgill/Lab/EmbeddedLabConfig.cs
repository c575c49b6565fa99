namespace Sixgill.Lab;

/// <summary>
/// The lab's default cluster file: <c>examples/lab.yaml</c>, built into the binary as a resource
/// (read with <c>GetManifestResourceStream</c>, which NativeAOT keeps), so <c>sixgill lab demo</c>
/// needs no file beside it.
/// </summary>
internal static class EmbeddedLabConfig
{
    public const string ResourceName = "Sixgill.Lab.lab.yaml";

    /// <summary>How messages and <c>lab status</c> name it.</summary>
    public const string DisplayName = "examples/lab.yaml (built in)";

    private static readonly Lazy<string> Content = new(Read);

    public static string Text => Content.Value;

    private static string Read()
    {
        using var stream = typeof(EmbeddedLabConfig).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
