using System.Security.Cryptography;

namespace Sixgill.Docker;

/// <summary>
/// The recipes of <c>images/</c> (Dockerfile, package list, entrypoint, and the offline build
/// script), built into the binary, so that Sixgill can build its images wherever it runs and names
/// them by what they contain.
/// </summary>
internal static class ImageRecipes
{
    public const string Dns64 = "dns64";

    public const string Nat64 = "nat64";

    public const string BuildScriptName = "build-offline.sh";

    /// <summary>The files of one image's recipe, besides the shared build script.</summary>
    public static readonly IReadOnlyList<string> RecipeFiles = ["Dockerfile", "packages", "entrypoint.sh"];

    public static IReadOnlyList<string> Services { get; } = [Dns64, Nat64];

    public static ServiceImage Image(string service) => new(service, Key(service));

    /// <summary>
    /// The first 16 hex digits of SHA-256 over the build script, the package list and the
    /// entrypoint, in that order: exactly what <c>build-offline.sh</c> names its cached tarball by.
    /// </summary>
    public static string Key(string service)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BuildScript());
        hash.AppendData(File(service, "packages"));
        hash.AppendData(File(service, "entrypoint.sh"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    public static byte[] BuildScript() => Resource($"images/{BuildScriptName}");

    public static byte[] File(string service, string name)
    {
        CheckService(service);
        return Resource($"images/{service}/{name}");
    }

    private static void CheckService(string service)
    {
        if (!Services.Contains(service))
        {
            throw new ArgumentException($"'{service}' is not one of Sixgill's images ({string.Join(", ", Services)})", nameof(service));
        }
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(ImageRecipes).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the image recipe file '{name}' is not built into this binary");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
