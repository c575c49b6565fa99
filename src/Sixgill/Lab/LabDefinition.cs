using Sixgill.Config;

namespace Sixgill.Lab;

/// <summary>
/// A lab as a validated cluster file describes it: one node per topology entry (its name and
/// interface), the gateway (the <c>nat64</c> node) wired to an IPv4-only internet whose DNS server
/// listens at the config's <c>remote_server</c>. Pure: nothing here touches the machine.
/// </summary>
/// <param name="ConfigText">The file's text, copied to where the nodes read it.</param>
/// <param name="ConfigSource">How the user named the file (or the built-in one).</param>
/// <param name="Kind">What the nodes are: namespaces (the default), or machines booting systemd.</param>
internal sealed record LabDefinition(string Name, Cluster Cluster, string ConfigText, string ConfigSource, LabNodeKind Kind = LabNodeKind.Namespace)
{
    public LabNames Names => new(Name);

    /// <summary>
    /// The lab gets the access network (an sshd in every namespace node and the admin node that
    /// drives them with <c>--all</c>): true for a lab that stays up; a demo that removes its lab
    /// at the end does not use it and skips its cost.
    /// </summary>
    public bool WithAccess { get; init; } = true;

    /// <summary>
    /// Every lab has the IPv4-only internet: behind the gateway node of an ipv6 cluster, or on the
    /// switch as the nodes' own IPv4 router (dual-stack, ipv4), so that every mode's way out can be checked.
    /// </summary>
    public LabSpec Spec => new(Name, [.. Cluster.Nodes.Select(n => new LabNodeSpec(n.Name, n.Interface, n.IsGateway))], WithInternet: true,
        Router: Cluster.GatewayNode is null ? Router(Cluster) : null, WithAccess: WithAccess && Kind == LabNodeKind.Namespace);

    /// <summary>The last usable address of the nodes' IPv4 management network, with its length: where the internet routes for them.</summary>
    internal static string? Router(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var ipv4 = new[] { cluster.MgmtNet, cluster.MgmtNet2 }.FirstOrDefault(p => p is { Family: Values.IpFamily.V4, HostBits: >= 2 });
        return ipv4 is { } network ? $"{network.Address(network.LastSubnetNumber(32) - 1)}/{network.Length}" : null;
    }

    /// <summary>
    /// Why the nodes of this lab cannot be driven over SSH from an admin node, with the way that works;
    /// null when they can (namespace nodes, the native runtime).
    /// </summary>
    public string? OverSshProblem => Kind != LabNodeKind.Namespace
        ? "--ssh drives namespace nodes only: a systemd lab has no admin node yet; leave out --kind systemd or --ssh"
        : DockerGateway
            ? "--ssh works with the native runtime only: the gateway's dockerd in a namespace lab is reached through DOCKER_HOST, which SSH does not carry; use --runtime native or leave out --ssh"
            : null;

    /// <summary>The services of the gateway node run as containers of a dockerd in it (general.runtime: docker).</summary>
    public bool DockerGateway => Cluster.GatewayNode is not null && Cluster.Runtime == ServiceRuntime.Docker;

    /// <summary>The services of the gateway node run as the distribution's daemons.</summary>
    public bool NativeGateway => Cluster.GatewayNode is not null && Cluster.Runtime == ServiceRuntime.Native;

    /// <summary>Where the internet's DNS server listens: the config's <c>remote_server</c>.</summary>
    public string DnsAddress => Cluster.Dns64?.RemoteServer.ToString() ?? LabInternet.DnsServer;

    /// <summary>The nodes verify runs on: the minions (every cluster node when there is none).</summary>
    public IReadOnlyList<string> VerifyingNodes =>
        Cluster.Nodes.Any(n => n.IsMinion) ? [.. Cluster.Nodes.Where(n => n.IsMinion).Select(n => n.Name)] : [.. Cluster.Nodes.Select(n => n.Name)];

    /// <summary>Why this cluster cannot become a lab on this machine, each with its fix; empty when it can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        try
        {
            _ = LabLayout.Plan(Spec);
        }
        catch (ArgumentException e)
        {
            problems.Add(e.Message.Split(" (Parameter", 2)[0]);
        }

        if (Spec.WithInternet && !LabInternet.InternetAddresses.Contains(DnsAddress))
        {
            // Never a real server: the lab's DNS64 server must forward only into the lab.
            problems.Add($"dns64.remote_server {DnsAddress} is not an address of the lab internet; use {LabInternet.DnsServer} (the lab's DNS server)");
        }

        return problems;
    }
}
