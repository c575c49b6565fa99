using Sixgill.Values;

namespace Sixgill.Docker;

/// <summary>A host device handed to a container (docker's <c>--device HOST:CONTAINER:PERMISSIONS</c>).</summary>
internal sealed record ContainerDevice(string HostPath, string ContainerPath, string Permissions = "rwm");

/// <summary>A host directory mounted into a container (docker's <c>-v HOST:CONTAINER[:ro]</c>).</summary>
internal sealed record ContainerBind(string HostPath, string ContainerPath, bool ReadOnly = true)
{
    /// <summary>The form the Engine API takes and reports in <c>HostConfig.Binds</c>.</summary>
    public override string ToString() => ReadOnly ? $"{HostPath}:{ContainerPath}:ro" : $"{HostPath}:{ContainerPath}";
}

/// <summary>
/// What one of Sixgill's containers must be: pure data, computed from the address plan, that the
/// engine adapter turns into an Engine API request and <see cref="ContainerDrift"/> compares with
/// what is running. Never privileged: exactly the capabilities, devices and sysctls listed here.
/// </summary>
/// <param name="Sysctls">Only <c>net.*</c> keys: they are set in the container's own network namespace.</param>
/// <param name="Environment">Variables the entrypoint reads; the image may add more (PATH), which is not drift.</param>
internal sealed record ContainerSpec(
    string Name,
    string Image,
    string Network,
    Ip Ipv6Address,
    Ip Ipv4Address,
    IReadOnlyList<string> CapAdd,
    IReadOnlyList<ContainerDevice> Devices,
    IReadOnlyDictionary<string, string> Sysctls,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<ContainerBind> Binds,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>
    /// Restarted by the engine after a crash or a reboot, like the native runtime's systemd units;
    /// a container someone stopped stays stopped until the next <c>prepare</c> replaces it.
    /// </summary>
    public const string RestartPolicy = "unless-stopped";

    /// <summary>The environment as the Engine API takes it: <c>NAME=value</c>, sorted by name.</summary>
    public IReadOnlyList<string> EnvironmentList =>
        [.. Environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}")];
}
