namespace Sixgill.Docker;

/// <summary>
/// Where the Docker Engine API is: <c>DOCKER_HOST</c> when set (as the docker CLI does), else the
/// engine's usual socket. Only local sockets and plain TCP are taken: Sixgill talks to the engine
/// on the node it prepares, never over SSH.
/// </summary>
internal static class DockerEndpoint
{
    public const string DefaultSocket = "/var/run/docker.sock";

    public const string EnvironmentVariable = "DOCKER_HOST";

    public static Uri Default { get; } = ForSocket(DefaultSocket);

    public static Uri ForSocket(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"'{path}' is not an absolute socket path", nameof(path));
        }

        return new Uri("unix://" + path);
    }

    /// <summary>The endpoint for a <c>DOCKER_HOST</c> value (null or empty: the default socket).</summary>
    /// <exception cref="FormatException">The value is not a unix:// or tcp:// address.</exception>
    public static Uri Resolve(string? dockerHost)
    {
        if (string.IsNullOrWhiteSpace(dockerHost))
        {
            return Default;
        }

        if (!Uri.TryCreate(dockerHost.Trim(), UriKind.Absolute, out var uri))
        {
            throw new FormatException($"{EnvironmentVariable}='{dockerHost}' is not an address (unix:///path/to/docker.sock or tcp://host:port)");
        }

        return uri.Scheme switch
        {
            "unix" when uri.AbsolutePath.Length > 1 => uri,
            "tcp" or "http" when uri.Port > 0 => uri,
            _ => throw new FormatException($"{EnvironmentVariable}='{dockerHost}' is not supported: use unix:///path/to/docker.sock or tcp://host:port"),
        };
    }
}
