namespace Sixgill.Machine;

/// <summary>
/// The Docker Engine does not answer at its endpoint: not installed, not running, or the socket is
/// elsewhere. A missing precondition (exit 3), so the message says how to fix it.
/// </summary>
internal sealed class DockerEngineUnreachableException : Exception
{
    public DockerEngineUnreachableException(Uri endpoint, Exception inner)
        : base($"the Docker Engine does not answer at {endpoint}: {Cause(endpoint, inner)}", inner)
    {
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>What the user can do about it.</summary>
    public string Fix => Endpoint.Scheme == "unix"
        ? $"start the Docker Engine (apt-get install docker.io; systemctl start docker), or set DOCKER_HOST to its socket; or use general.runtime: native"
        : $"check that the Docker Engine listens at {Endpoint}, or set DOCKER_HOST; or use general.runtime: native";

    // A missing socket file shows up as "Cannot assign requested address": say what it means.
    private static string Cause(Uri endpoint, Exception inner) =>
        endpoint.Scheme == "unix" && !Path.Exists(endpoint.AbsolutePath)
            ? $"there is no socket {endpoint.AbsolutePath}"
            : inner.Message;
}
