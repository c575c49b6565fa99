namespace Sixgill.IntegrationTests;

/// <summary>
/// The guard of the docker runtime's tests: the gateway lab's requirements (<see cref="GatewayRequirements"/>:
/// its tests' lab, internet and tools), plus the Docker Engine and the offline image build. Skips where something is missing, fails in CI
/// (<c>CI=true</c>), like <see cref="LabRequirements"/>.
/// </summary>
public static class DockerRequirements
{
    /// <summary>Programs these tests run, with the Debian package that has each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Programs = new Dictionary<string, string>
    {
        ["dockerd"] = "docker.io",
        ["containerd"] = "containerd",
        ["runc"] = "runc",
        ["debootstrap"] = "debootstrap",
        ["flock"] = "util-linux",
    };

    public static IReadOnlyList<string> Missing() =>
    [
        .. GatewayRequirements.Missing(),
        .. Programs.Where(p => !LabRequirements.IsOnPath(p.Key)).Select(p => $"program '{p.Key}' (Debian package {p.Value})"),
        .. File.Exists("/dev/net/tun") ? [] : new[] { "/dev/net/tun" },
    ];

    public static void Require() => Guard.Require("docker runtime tests", Missing());
}
