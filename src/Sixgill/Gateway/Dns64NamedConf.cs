using System.Text;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Values;

namespace Sixgill.Gateway;

/// <summary>
/// The config of Sixgill's own <c>named</c> instance, the DNS64 server (docs/gateway.md). It is a
/// separate instance with its own file, working directory, pid file and session key, so the
/// machine's <c>/etc/bind</c> and any BIND server already running are left alone.
/// </summary>
/// <remarks>
/// <para>It answers only on <c>dns64.ip</c> (IPv6) and only the cluster's networks, so it can never
/// become an open resolver. It forwards everything to <c>remote_server</c> and never recurses
/// itself (<c>forward only</c>): in the labs Sixgill is made for, the root servers are out of reach.</para>
/// <para><c>exclude { any; }</c> ignores every real AAAA record, so every name is synthesized and
/// every IPv6 packet to the outside goes through NAT64 (Orca's behaviour); <c>allow_aaaa_use</c>
/// drops it so names with real AAAA records use them.</para>
/// <para><c>controls { }</c> turns off rndc: nothing needs it, and it would otherwise read the
/// machine's <c>/etc/bind/rndc.key</c> and listen on the loopback port another named may hold.</para>
/// </remarks>
internal static class Dns64NamedConf
{
    /// <summary>The Debian user BIND runs as: named starts as root, binds port 53 and switches to it (<c>-u bind</c>).</summary>
    public const string ServiceUser = "bind";

    /// <summary>What this named says to <c>version.bind</c>: verify tells it from another server answering on the same address by it.</summary>
    public const string Identity = "sixgill-dns64";

    public static string Render(AddressPlan plan) => Render(plan, GatewayPaths.Default);

    public static string Render(AddressPlan plan, GatewayPaths paths)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(paths);
        var gateway = GatewayServicesOf(plan);
        return Render(plan, gateway, paths.Dns64StateDirectory, $"\"{paths.Dns64PidFile}\"", paths.Dns64SessionKey, gateway.RemoteServer);
    }

    /// <summary>
    /// The docker runtime's DNS64 container (§6.2): the same server with the image's paths (no pid
    /// file: the container is the process), forwarding to <c>remote_server</c> embedded in the DNS64
    /// prefix, since the container has no IPv4 address and reaches IPv4 only through NAT64.
    /// </summary>
    public static string RenderForContainer(AddressPlan plan, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        var gateway = GatewayServicesOf(plan);
        return Render(plan, gateway, workingDirectory, "none", $"{workingDirectory}/session.key", gateway.RemoteServerSynthesized ?? gateway.RemoteServer);
    }

    private static string Render(AddressPlan plan, GatewayServices gateway, string directory, string pidFile, string sessionKey, Ip forwarder)
    {
        var dns64 = plan.Cluster.Dns64 ?? throw new InvalidOperationException("the cluster has no dns64 section");
        var clients = string.Join(' ', AllowedClients(plan, gateway).Select(c => c + ";"));

        var text = new StringBuilder();
        text.Append("// Sixgill's DNS64 server (docs/gateway.md), written by 'sixgill prepare' on ").Append(gateway.NodeName)
            .Append(". Changes here are overwritten.\n");
        text.Append("options {\n");
        text.Append("\tdirectory \"").Append(directory).Append("\";\n");
        text.Append("\tpid-file ").Append(pidFile).Append(";\n");
        text.Append("\tsession-keyfile \"").Append(sessionKey).Append("\";\n");
        text.Append("\tlisten-on { none; };\n");
        text.Append("\tlisten-on-v6 { ").Append(gateway.Dns64Address).Append("; };\n");
        text.Append("\tversion \"").Append(Identity).Append("\";\n");
        text.Append("\trecursion yes;\n");
        text.Append("\tallow-query { ").Append(clients).Append(" };\n");
        text.Append("\tallow-recursion { ").Append(clients).Append(" };\n");
        text.Append("\tforwarders { ").Append(forwarder).Append("; };\n");
        text.Append("\tforward only;\n");
        text.Append("\tdnssec-validation ").Append(dns64.DnssecValidation == DnssecValidation.No ? "no" : "auto").Append(";\n");
        text.Append("\tdns64 ").Append(gateway.Dns64Prefix).Append(" {\n");
        text.Append("\t\tclients { any; };\n");
        if (!dns64.AllowAaaaUse)
        {
            text.Append("\t\texclude { any; };\n");
        }

        text.Append("\t};\n");
        text.Append("};\n");
        text.Append("controls { };\n");
        return text.ToString();
    }

    /// <summary>
    /// Who may ask: the management, pod and support networks in every family the cluster has, and
    /// loopback (so the gateway itself and its ready check can ask). IPv4 entries cost nothing and
    /// keep the list right if the server ever listens on IPv4.
    /// </summary>
    public static IReadOnlyList<string> AllowedClients(AddressPlan plan, GatewayServices gateway)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(gateway);
        var networks = new List<Prefix>();
        networks.AddRange(plan.ManagementNetworks);
        networks.AddRange(plan.PodNetworks.Select(p => p.Cidr));
        networks.Add(gateway.SupportNetwork);
        networks.Add(gateway.SupportV4Network);
        return
        [
            .. networks.Distinct().Select(n => n.ToString()),
            "::1",
            "127.0.0.1",
        ];
    }

    internal static GatewayServices GatewayServicesOf(AddressPlan plan) =>
        plan.Gateway ?? throw new InvalidOperationException($"the cluster runs no DNS64/NAT64 gateway (mode {plan.Cluster.Mode})");
}
