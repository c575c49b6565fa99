namespace Sixgill.Machine;

/// <summary>
/// The engine answers but lacks an image the docker runtime runs: a missing precondition (exit 3),
/// found before anything changed; <see cref="Fix"/> names the command that builds it.
/// </summary>
internal sealed class DockerImageMissingException : PreconditionFailedException
{
    public DockerImageMissingException(IReadOnlyList<string> images, Uri endpoint)
        : base($"the Docker Engine at {endpoint} has no image {string.Join(", ", images)}; nothing was changed")
    {
        Images = images;
    }

    public IReadOnlyList<string> Images { get; }

    public static string Fix => "build them with 'sudo sixgill images build', or set dns64.image / nat64.image to images the engine has";
}
