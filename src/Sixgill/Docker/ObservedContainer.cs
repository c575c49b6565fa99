using Sixgill.Values;

namespace Sixgill.Docker;

/// <summary>A container's addresses on one network, as the engine configured them.</summary>
internal sealed record ObservedEndpoint(Ip? Ipv4Address, Ip? Ipv6Address);

/// <summary>
/// What the engine says about an existing container: the parts of it that <see cref="ContainerDrift"/>
/// compares with a <see cref="ContainerSpec"/>. Read by the engine adapter; plain data here.
/// </summary>
/// <param name="ImageReference">The image as it was asked for (<c>Config.Image</c>), e.g. <c>sixgill/dns64:1a2b…</c>.</param>
/// <param name="ImageId">The image it actually runs (<c>sha256:…</c>).</param>
/// <param name="Status">The engine's word for its state: running, exited, created, restarting, …</param>
/// <param name="Environment">Every variable, the image's included, as <c>NAME=value</c>.</param>
internal sealed record ObservedContainer(
    string Id,
    string Name,
    string ImageReference,
    string ImageId,
    bool Running,
    string Status,
    IReadOnlyDictionary<string, ObservedEndpoint> Networks,
    IReadOnlyList<string> CapAdd,
    IReadOnlyList<ContainerDevice> Devices,
    IReadOnlyDictionary<string, string> Sysctls,
    IReadOnlyList<string> Environment,
    IReadOnlyList<string> Binds,
    IReadOnlyDictionary<string, string> Labels,
    bool Privileged,
    string RestartPolicy);
