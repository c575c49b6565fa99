namespace Sixgill.Docker;

/// <summary>
/// One of Sixgill's two images (<c>dns64</c>, <c>nat64</c>): where it comes from and what it is
/// called. The tag is <see cref="ImageRecipes.Key"/>: a hash of the recipe, so an image built from
/// another recipe never passes for this one, and running containers of an older image are drift.
/// </summary>
internal sealed record ServiceImage(string Service, string Tag)
{
    /// <summary>Where both images keep their entrypoint (the Dockerfiles copy it there too).</summary>
    public const string Entrypoint = "/usr/local/bin/sixgill-entrypoint";

    public string Repository => "sixgill/" + Service;

    public string Reference => $"{Repository}:{Tag}";

    /// <summary>The Dockerfile instructions an imported root file system needs to be this image.</summary>
    public static IReadOnlyList<string> ImportChanges { get; } = [$"ENTRYPOINT [\"{Entrypoint}\"]"];

    public override string ToString() => Reference;
}
