namespace Sixgill.IntegrationTests;

/// <summary>
/// The guard of the DNS64/NAT64 tests: the lab's own requirements, plus the daemons and tools of
/// the native gateway and the lab internet. Skips where they are missing; fails in CI, like
/// <see cref="LabRequirements"/>.
/// </summary>
public static class GatewayRequirements
{
    /// <summary>Programs these tests run, with the Debian package that has each (all in .ci/packages.txt).</summary>
    public static readonly IReadOnlyDictionary<string, string> Programs = new Dictionary<string, string>
    {
        ["named"] = "bind9",
        ["named-checkconf"] = "bind9-utils",
        ["dig"] = "bind9-dnsutils",
        ["tayga"] = "tayga",
        ["nft"] = "nftables",
        ["dnsmasq"] = "dnsmasq-base",
        ["busybox"] = "busybox",
        ["curl"] = "curl",

        // every lab up gives its nodes an sshd and the admin node a key (--all over SSH)
        ["sshd"] = "openssh-server",
        ["ssh-keygen"] = "openssh-client",
        ["sudo"] = "sudo",
    };

    public static IReadOnlyList<string> Missing() =>
    [
        .. LabRequirements.Missing(),
        .. Programs.Where(p => !LabRequirements.IsOnPath(p.Key) && !File.Exists($"/usr/sbin/{p.Key}"))
            .Select(p => $"program '{p.Key}' (Debian package {p.Value})"),
    ];

    public static void Require() => Guard.Require("gateway tests", Missing());
}
