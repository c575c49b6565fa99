using Sixgill.Verify;

namespace Sixgill.Lab;

/// <summary>One name the lab internet's DNS server knows: an IPv4 address, and maybe a real IPv6 one.</summary>
internal sealed record InternetHost(string Name, string IPv4, string? IPv6 = null);

/// <summary>
/// The zone the lab internet's authoritative DNS server serves. <c>web.example.test</c> has an A
/// record only, so DNS64 must synthesize its AAAA; <c>v6.example.test</c> also has a real AAAA
/// record (documentation space, never reachable), which shows whether <c>allow_aaaa_use</c> lets
/// real AAAA records through or <c>exclude { any; }</c> synthesizes them away.
/// </summary>
internal sealed record InternetZone(string Domain, IReadOnlyList<InternetHost> Hosts)
{
    public const string WebName = VerifyOptions.DefaultName;

    public const string DualStackName = "v6.example.test";

    /// <summary>The real AAAA record of <see cref="DualStackName"/>.</summary>
    public const string DualStackIPv6 = "2001:db8:80::80";

    public static InternetZone Default { get; } = new("example.test",
    [
        new InternetHost(WebName, LabInternet.WebServer),
        new InternetHost(DualStackName, LabInternet.WebServer, DualStackIPv6),
    ]);
}
