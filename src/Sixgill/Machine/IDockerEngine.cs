using Sixgill.Docker;

namespace Sixgill.Machine;

/// <summary>The engine's version, as its ping and version endpoints report it.</summary>
internal sealed record DockerEngineVersion(string Version, string ApiVersion);

/// <summary>What a command run inside a container returned.</summary>
internal sealed record DockerExecResult(IReadOnlyList<string> Command, long ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// The narrow part of the Docker Engine API that the docker runtime (docs/gateway.md) needs, in the
/// problem's terms: Sixgill's images, the support network, its two containers. Everything that
/// reaches the engine goes through here, so tests and plans can put a fake in its place.
/// Lookups return null for "not there"; an engine that cannot be reached is always
/// <see cref="DockerEngineUnreachableException"/>, and a refused request <see cref="DockerEngineException"/>.
/// </summary>
internal interface IDockerEngine : IDisposable
{
    /// <summary>Where the engine is (for messages).</summary>
    Uri Endpoint { get; }

    /// <summary>Checks that the engine answers and returns its version.</summary>
    Task<DockerEngineVersion> PingAsync(CancellationToken cancellationToken = default);

    /// <summary>The id of the image with this reference, or null when the engine has none.</summary>
    Task<string?> FindImageAsync(string reference, CancellationToken cancellationToken = default);

    /// <summary>Imports a root file system tarball as <paramref name="image"/> (<c>docker import</c>) and returns its id.</summary>
    Task<string> ImportImageAsync(string rootfsTarball, ServiceImage image, CancellationToken cancellationToken = default);

    Task<ObservedNetwork?> InspectNetworkAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates the network; returns its id.</summary>
    Task<string> CreateNetworkAsync(SupportNetworkSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Removes the network; false when there was none.</summary>
    Task<bool> RemoveNetworkAsync(string name, CancellationToken cancellationToken = default);

    Task<ObservedContainer?> InspectContainerAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates (does not start) the container, attached only to its network, at its addresses; returns its id.</summary>
    Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken = default);

    Task StartContainerAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Stops it (SIGTERM, then SIGKILL after <paramref name="grace"/>); false when it was not running.</summary>
    Task<bool> StopContainerAsync(string name, TimeSpan grace, CancellationToken cancellationToken = default);

    /// <summary>Removes it, running or not; false when there was none.</summary>
    Task<bool> RemoveContainerAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Runs an argument vector inside a running container (no shell) and waits for it.</summary>
    Task<DockerExecResult> ExecAsync(string container, IReadOnlyList<string> command, CancellationToken cancellationToken = default);
}
