using System.Collections.Immutable;
using System.Text;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Facts;
using Sixgill.Gateway;
using Sixgill.Kube;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Values;

namespace Sixgill.Planning;

/// <summary>
/// The steps <c>prepare</c> takes on one node, in order (docs/steps.md), computed from the
/// address plan and the node's <see cref="NodeFacts"/> alone: pure, so <c>plan</c>, <c>prepare</c>
/// and a journal-less <c>clean</c> see the same list.
/// </summary>
/// <remarks>
/// On the gateway node the DNS64/NAT64 services (<see cref="GatewayPlan"/>, or <see cref="DockerGatewayPlan"/> with the docker runtime) come first and
/// carry its routes (every route the plan gives the gateway node leads into those services), and
/// it forwards IPv4 as well: TAYGA's IPv4 side leaves through the node's uplink.
/// </remarks>
internal static class PreparePlan
{
    public const string Command = "prepare";

    public const string SysctlFile = "/etc/sysctl.d/60-sixgill.conf";

    public const string ResolvedDropIn = "/etc/systemd/resolved.conf.d/60-sixgill.conf";

    public const string ResolvedUnit = "systemd-resolved.service";

    /// <summary>Names br_netfilter for systemd-modules-load, which runs before systemd-sysctl applies the bridge sysctls.</summary>
    public const string ModulesLoadFile = "/etc/modules-load.d/sixgill.conf";

    /// <summary>What prepare says where no boot unit can bring its changes back (clean leaves it out: it is about prepare).</summary>
    public const string RebootWarning = "what prepare changes on this node does not survive a reboot (addresses and routes are gone then); run prepare again after a reboot";

    private const string Marker = "# written by sixgill prepare, removed by sixgill clean\n";

    private static readonly UnixFileMode Public = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <param name="reapply">What the boot unit runs with; null leaves the boot unit out (pure plans in tests).</param>
    public static NodePlan For(AddressPlan plan, string nodeName, NodeFacts facts, ReapplySource? reapply = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(facts);
        var node = plan.Find(nodeName) ?? throw new ArgumentException($"'{nodeName}' is not in the topology", nameof(nodeName));
        var steps = ImmutableArray.CreateBuilder<Step>();
        var problems = ImmutableArray.CreateBuilder<string>();
        var warnings = ImmutableArray.CreateBuilder<string>();

        // 0. The gateway's services (§6.1), before anything else on that node.
        if (node.Services is { Runtime: ServiceRuntime.Native })
        {
            steps.AddRange(GatewayPlan.Steps(plan, GatewayPaths.Default, GatewaySupervision(facts.Systemd, warnings)));
        }
        else if (node.Services is { Runtime: ServiceRuntime.Docker })
        {
            steps.AddRange(DockerGatewayPlan.Steps(plan));
        }

        // 1. Management address(es), IPv6 first.
        foreach (var address in node.ManagementAddresses)
        {
            steps.Add(new EnsureAddress(node.Node.Interface, new InterfaceAddress(address.Address, address.Length)));
        }

        // 2. Forwarding, and (bridge plugin) bridged pod traffic through ip6tables/iptables, live and across reboots.
        var forwarding = ForwardingSysctls(plan.Cluster.Mode, isGateway: node.Services is not null);
        var bridged = node.Node.IsClusterNode && plan.Cluster.Plugin == CniPlugin.Bridge ? BridgeSysctls(plan.Cluster.Mode) : [];
        var module = facts.BridgeNetfilter == BridgeNetfilter.Module && !bridged.IsEmpty ? BridgeNetfilterReader.Module : null;
        if (module is not null)
        {
            steps.Add(new EnsureFile(ModulesLoadFile, FileBody.FromText($"{Marker}{module}\n"), Public));
            steps.Add(new EnsureKernelModule(module, BridgeNetfilterReader.Marker));
        }

        steps.AddRange(forwarding.Select(key => new EnsureSysctl(key, "1")));
        steps.AddRange(bridged.Select(key => new EnsureSysctl(key, "1", module)));
        steps.Add(new EnsureFile(SysctlFile, SysctlFileBody([.. forwarding, .. bridged]), Public));

        // 3. Every node's name.
        steps.Add(new EnsureHostsLines(EnsureHostsLines.DefaultPath, plan.HostsEntries));

        // 4. DNS64 as first nameserver (ipv6 mode, master and minion: the plan decides).
        if (node.Nameserver is { } nameserver)
        {
            steps.Add(facts.Resolver == ResolverSetup.SystemdResolvedStub
                ? ResolvedDropInStep(nameserver, facts.Systemd, warnings)
                : new EnsureNameserver(EnsureNameserver.DefaultPath, nameserver));
        }

        // 5. Routes to the DNS64 prefix and the support network via the gateway node.
        if (node.Services is null)
        {
            steps.AddRange(node.PrepareRoutes.Select(route => new EnsureRoute(new KernelRoute(route.Destination, route.Via, route.Device))));
        }

        // 6. kubelet's resolv.conf (ipv6: DNS64 only) and kubeadm's configuration (holds the token: 0600).
        if (node.Node.IsClusterNode)
        {
            if (KubeletResolvConf.Render(plan) is { } resolvConf)
            {
                steps.Add(new EnsureFile(KubeletResolvConf.FilePath, FileBody.FromText(resolvConf), Public));
            }

            var kubeadmProblems = KubeadmConfig.Problems(plan, node);
            problems.AddRange(kubeadmProblems);
            if (kubeadmProblems.IsEmpty)
            {
                steps.Add(new EnsureFile(KubeadmConfig.FilePath, FileBody.FromText(KubeadmConfig.Render(plan, node)), Private));
            }
        }

        // 7. Surviving a reboot: one boot unit takes this node through these same steps again at every boot.
        if (facts.Systemd == SystemdState.Running && reapply is not null)
        {
            steps.Add(new EnsureFile(reapply.ConfigCopy, FileBody.FromText(reapply.ConfigText), Private));
            steps.Add(new EnsureBootUnit(BootUnit.Render(reapply, nodeName, gateway: node.Services is { Runtime: ServiceRuntime.Native },
                dockerGateway: node.Services is { Runtime: ServiceRuntime.Docker })));
        }
        else if (facts.Systemd != SystemdState.Running)
        {
            var why = facts.Systemd == SystemdState.NoSystemctl ? "systemctl is not installed" : "PID 1 is not systemd";
            warnings.Add($"{why}: {RebootWarning}");
        }

        return new NodePlan(Command, steps.ToImmutable(), problems.ToImmutable(), warnings.ToImmutable());
    }

    // Units where systemd can run them; elsewhere the daemons are started directly, and the user learns they will not come back after a reboot.
    private static Supervision GatewaySupervision(SystemdState systemd, ImmutableArray<string>.Builder warnings)
    {
        if (systemd == SystemdState.Running)
        {
            return Supervision.Systemd;
        }

        var why = systemd == SystemdState.NoSystemctl ? "systemctl is not installed" : "PID 1 is not systemd";
        warnings.Add($"{why}: named and TAYGA are started directly (pid files under /run/sixgill) and do not start again after a reboot; run prepare again then");
        return Supervision.Direct;
    }

    // systemd-resolved reads its drop-ins when it starts: restart it where systemd can, and say so where it cannot.
    private static Step ResolvedDropInStep(Ip nameserver, SystemdState systemd, ImmutableArray<string>.Builder warnings)
    {
        var dropIn = new EnsureFile(ResolvedDropIn, FileBody.FromText($"{Marker}[Resolve]\nDNS={nameserver}\nDomains=~.\n"), Public);
        if (systemd == SystemdState.Running)
        {
            return new StepWithRestart(dropIn, ResolvedUnit);
        }

        var why = systemd == SystemdState.NoSystemctl ? "systemctl is not installed" : "PID 1 is not systemd";
        warnings.Add($"{why}: {ResolvedDropIn} is written but {ResolvedUnit} is not restarted; it takes effect when systemd-resolved next starts");
        return dropIn;
    }

    private static ImmutableArray<SysctlKey> ForwardingSysctls(ClusterMode mode, bool isGateway) =>
        mode == ClusterMode.Ipv6 && !isGateway
            ? [SysctlKey.Parse("net.ipv6.conf.all.forwarding")]
            : [SysctlKey.Parse("net.ipv6.conf.all.forwarding"), SysctlKey.Parse("net.ipv4.ip_forward")];

    // Pods on one bridge reach a Service whose endpoint is a pod on the same bridge only if the reply,
    // bridged straight back, passes the NAT of kube-proxy: that is what these sysctls switch on.
    private static ImmutableArray<SysctlKey> BridgeSysctls(ClusterMode mode) => mode switch
    {
        ClusterMode.Ipv6 => [SysctlKey.Parse("net.bridge.bridge-nf-call-ip6tables")],
        ClusterMode.Ipv4 => [SysctlKey.Parse("net.bridge.bridge-nf-call-iptables")],
        _ => [SysctlKey.Parse("net.bridge.bridge-nf-call-ip6tables"), SysctlKey.Parse("net.bridge.bridge-nf-call-iptables")],
    };

    private static FileBody SysctlFileBody(IEnumerable<SysctlKey> keys)
    {
        var text = new StringBuilder(Marker);
        foreach (var key in keys)
        {
            text.Append(key.Name).Append(" = 1\n");
        }

        return FileBody.FromText(text.ToString());
    }
}
