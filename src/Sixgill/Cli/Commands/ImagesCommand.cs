using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sixgill.Docker;
using Sixgill.Host.Docker;
using Sixgill.Json;
using Sixgill.Machine;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill images build</c>: gives the local Docker Engine (<c>DOCKER_HOST</c>, or
/// /var/run/docker.sock) the docker runtime's two images, tagged by their recipe. Built without a
/// registry: the root file system comes from the Debian packages through debootstrap (the recipe's
/// <c>build-offline.sh</c>, cached) and is imported with the image's entrypoint, and the output says
/// so. An image the engine already has is left as it is. Exit 3 when the engine does not answer or
/// the user is not root (debootstrap needs root).
/// </summary>
internal static class ImagesCommand
{
    /// <param name="machine">The engine and runner to use (fakes in the CLI's in-process tests).</param>
    public static Command Create(GlobalOptions options, ImageAdapters machine)
    {
        var build = new Command("build", "build the dns64 and nat64 images for the local Docker Engine (offline, from Debian packages)");
        build.SetAction((result, cancellationToken) => BuildAsync(Invocation.From(result, options), machine, cancellationToken));
        return new Command("images", "the docker runtime's container images") { build };
    }

    public static async Task<int> BuildAsync(Invocation invocation, ImageAdapters machine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(machine);
        using var engine = Connect(machine);
        try
        {
            _ = await engine.PingAsync(cancellationToken);
        }
        catch (DockerEngineUnreachableException e)
        {
            throw new SixgillException(ExitCodes.Precondition, e.Message + "; nothing was built", e.Fix);
        }

        var builder = new DockerOfflineImageBuilder(machine.Runner);
        var results = new List<ImageBuildResult>();
        var progress = ProgressLine.For(invocation);
        foreach (var service in ImageRecipes.Services)
        {
            if (!machine.IsRoot && await engine.FindImageAsync(ImageRecipes.Image(service).Reference, cancellationToken) is null)
            {
                throw new SixgillException(ExitCodes.Precondition, "building an image runs debootstrap, which needs root", "sudo sixgill images build");
            }

            results.Add(await builder.EnsureAsync(engine, service, progress, cancellationToken));
        }

        invocation.Out.Write(invocation.Json ? Json(results) : Text(results, engine.Endpoint, builder.CacheDirectory));
        return ExitCodes.Done;
    }

    private static IDockerEngine Connect(ImageAdapters machine)
    {
        try
        {
            return machine.Connect();
        }
        catch (FormatException e)
        {
            throw new SixgillException(ExitCodes.Precondition, e.Message, "unset DOCKER_HOST to use /var/run/docker.sock");
        }
    }

    private static string Text(IReadOnlyList<ImageBuildResult> results, Uri endpoint, string cache)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"images for the Docker Engine at {endpoint}, built offline (no registry: debootstrap of the recipe's Debian packages, cached in {cache}, then imported):\n");
        foreach (var result in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {result.Image}: ");
            text.Append(result.Imported
                ? string.Create(CultureInfo.InvariantCulture, $"built ({result.RootfsTime.TotalSeconds:0.0} s root file system, {result.ImportTime.TotalSeconds:0.0} s import)")
                : "already there");
            text.Append('\n');
        }

        return text.ToString();
    }

    internal static string Json(IReadOnlyList<ImageBuildResult> results)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, ReadableJson.Options))
        {
            writer.WriteStartObject();
            ReadableJson.WriteSchemaVersion(writer);
            writer.WriteString("method", "offline");
            writer.WriteStartArray("images");
            foreach (var result in results)
            {
                writer.WriteStartObject();
                writer.WriteString("image", result.Image.Reference);
                writer.WriteString("id", result.ImageId);
                writer.WriteBoolean("built", result.Imported);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
