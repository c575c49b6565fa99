using Sixgill.Addressing;
using Sixgill.Docker;
using Sixgill.Tests.Addressing;

namespace Sixgill.Tests.Docker;

/// <summary>The lab's gateway services and specs, and an engine report that matches a spec exactly.</summary>
internal static class DockerSpecs
{
    public const string Dns64Image = "sixgill/dns64:0123456789abcdef";

    public const string Nat64Image = "sixgill/nat64:fedcba9876543210";

    public static GatewayServices LabGateway() => AddressPlan.For(TestClusters.Lab()).Gateway.ShouldNotBeNull();

    public static GatewayServices OrcaGateway() => AddressPlan.For(TestClusters.Orca()).Gateway.ShouldNotBeNull();

    public static ContainerSpec Dns64() => Dns64ContainerSpec.For(LabGateway(), Dns64Image);

    public static ContainerSpec Nat64() => Nat64ContainerSpec.For(LabGateway(), Nat64Image);

    /// <summary>What the engine reports for a running container created from <paramref name="spec"/>.</summary>
    public static ObservedContainer Running(ContainerSpec spec, string imageId = "sha256:aaaa") => new(
        Id: "c0ffee",
        Name: spec.Name,
        ImageReference: spec.Image,
        ImageId: imageId,
        Running: true,
        Status: "running",
        Networks: new Dictionary<string, ObservedEndpoint> { [spec.Network] = new(spec.Ipv4Address, spec.Ipv6Address) },
        CapAdd: [.. spec.CapAdd],
        Devices: [.. spec.Devices],
        Sysctls: new Dictionary<string, string>(spec.Sysctls),
        // The image's own variables come first, as the engine lists them.
        Environment: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", .. spec.EnvironmentList],
        Binds: [.. spec.Binds.Select(b => b.ToString())],
        Labels: new Dictionary<string, string>(spec.Labels),
        Privileged: false,
        RestartPolicy: ContainerSpec.RestartPolicy);
}
