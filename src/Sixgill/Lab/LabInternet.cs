namespace Sixgill.Lab;

/// <summary>
/// The addresses of the lab's IPv4-only "internet": documentation space (RFC 5737), so nothing
/// can ever be routed off the machine, and the same as <c>examples/lab.yaml</c>.
/// </summary>
internal static class LabInternet
{
    public const int PrefixLength = 24;

    /// <summary>The internet side of the uplink; the gateway node's default route points here.</summary>
    public const string Router = "203.0.113.1";

    /// <summary>The gateway node's own uplink address, as a machine's owner would have configured it.</summary>
    public const string GatewayUplink = "203.0.113.2";

    /// <summary>Where the internet's authoritative DNS server listens (lab.yaml's <c>remote_server</c>).</summary>
    public const string DnsServer = "203.0.113.53";

    /// <summary>Where the internet's IPv4-only web server listens (<c>web.example.test</c>).</summary>
    public const string WebServer = "203.0.113.80";

    /// <summary>The interface in the internet namespace that leads to the gateway node.</summary>
    public const string InternetInterface = "up0";

    /// <summary>Addresses the internet namespace holds on <see cref="InternetInterface"/>.</summary>
    public static readonly IReadOnlyList<string> InternetAddresses = [Router, DnsServer, WebServer];
}
