using System.Diagnostics;
using Sixgill.Docker;
using Sixgill.Machine;

namespace Sixgill.Host.Docker;

/// <summary>What making sure an image is there took.</summary>
/// <param name="Tarball">The root file system used (null when the engine already had the image).</param>
internal sealed record ImageBuildResult(ServiceImage Image, string ImageId, string? Tarball, TimeSpan RootfsTime, TimeSpan ImportTime)
{
    public bool Imported => Tarball is not null;
}

/// <summary>
/// Gives an engine Sixgill's images without a registry: the root file system comes from
/// <c>images/build-offline.sh</c> (debootstrap, cached as a tarball keyed by the recipe), and is
/// imported through the Engine API with the image's entrypoint. The script is the one source of
/// truth for how a root file system is made; this class runs the copy built into the binary, so
/// the tag (<see cref="ImageRecipes.Key"/>) and the cache key are the same hash.
/// </summary>
internal sealed class DockerOfflineImageBuilder(IProcessRunner runner, string cacheDirectory = DockerOfflineImageBuilder.DefaultCacheDirectory)
{
    public const string DefaultCacheDirectory = "/var/cache/sixgill/images";

    /// <summary>A cold debootstrap takes about a minute here; a slow mirror gets much longer.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    public string CacheDirectory { get; } = cacheDirectory;

    /// <summary>Both of Sixgill's images (DNS64, then NAT64), each imported unless the engine already has it.</summary>
    /// <param name="progress">Where each image's build shows (nothing when null).</param>
    public async Task<IReadOnlyList<ImageBuildResult>> EnsureAllAsync(IDockerEngine engine, IWorkProgress? progress = null, CancellationToken cancellationToken = default) =>
        [await EnsureAsync(engine, ImageRecipes.Dns64, progress ?? WorkProgress.None, cancellationToken),
            await EnsureAsync(engine, ImageRecipes.Nat64, progress ?? WorkProgress.None, cancellationToken)];

    /// <summary><see cref="EnsureAsync(IDockerEngine, string, CancellationToken)"/>, shown on <paramref name="progress"/>.</summary>
    public Task<ImageBuildResult> EnsureAsync(IDockerEngine engine, string service, IWorkProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var image = ImageRecipes.Image(service).Reference;
        return progress.RunAsync($"building image {image}", () => EnsureAsync(engine, service, cancellationToken),
            result => result.Imported ? $"built image {image}" : $"image {image} was already there");
    }

    /// <summary>Imports <paramref name="service"/>'s image into the engine unless it already has it.</summary>
    public async Task<ImageBuildResult> EnsureAsync(IDockerEngine engine, string service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var image = ImageRecipes.Image(service);
        if (await engine.FindImageAsync(image.Reference, cancellationToken) is { } existing)
        {
            return new ImageBuildResult(image, existing, null, TimeSpan.Zero, TimeSpan.Zero);
        }

        var clock = Stopwatch.StartNew();
        var tarball = await BuildRootfsAsync(service, cancellationToken);
        var rootfsTime = clock.Elapsed;
        clock.Restart();
        var id = await engine.ImportImageAsync(tarball, image, cancellationToken);
        return new ImageBuildResult(image, id, tarball, rootfsTime, clock.Elapsed);
    }

    /// <summary>
    /// The cached root file system tarball of <paramref name="service"/>, built first when missing
    /// (about a minute; needs root, debootstrap and the Debian mirror apt uses).
    /// </summary>
    public async Task<string> BuildRootfsAsync(string service, CancellationToken cancellationToken = default)
    {
        var image = ImageRecipes.Image(service);
        var recipe = Directory.CreateTempSubdirectory("sixgill-images-");
        try
        {
            var script = WriteRecipe(recipe.FullName, service);
            var result = await runner.RunAsync(
                new ProcessRequest(["bash", script, service, CacheDirectory]) { Timeout = BuildTimeout }, cancellationToken);
            if (!result.Succeeded)
            {
                throw new ProcessFailedException(result);
            }

            var tarball = result.StandardOutput.Trim().Split('\n')[^1].Trim();
            var expected = Path.Combine(CacheDirectory, $"{service}-{image.Tag}.tar");
            if (tarball != expected || !File.Exists(tarball))
            {
                throw new InvalidOperationException($"{ImageRecipes.BuildScriptName} reported '{tarball}', expected {expected}");
            }

            return tarball;
        }
        finally
        {
            recipe.Delete(recursive: true);
        }
    }

    /// <summary>Lays out images/ as in the repository (the script finds the recipe beside itself).</summary>
    private static string WriteRecipe(string directory, string service)
    {
        var script = Path.Combine(directory, ImageRecipes.BuildScriptName);
        File.WriteAllBytes(script, ImageRecipes.BuildScript());
        Directory.CreateDirectory(Path.Combine(directory, service));
        foreach (var file in ImageRecipes.RecipeFiles)
        {
            File.WriteAllBytes(Path.Combine(directory, service, file), ImageRecipes.File(service, file));
        }

        return script;
    }
}
