using System.Diagnostics;

namespace Sixgill.Config.Binding;

/// <summary>
/// The typed <see cref="Cluster"/> from a draft that produced no errors. Everything required is then
/// present; a gap here means a rule failed to report it, which is a bug, not a config mistake.
/// </summary>
internal static class ClusterAssembler
{
    public static Cluster Assemble(ClusterDraft draft)
    {
        var general = draft.General;
        var gateway = draft.Gateway;
        return new Cluster(
            Required(general.Mode, "general.mode"),
            Required(general.Plugin, "plugin"),
            Required(general.Runtime, "general.runtime"),
            general.Token?.Value,
            general.TokenCertHash,
            general.KubernetesVersion,
            general.IsInsecure,
            general.ClusterDomain ?? throw Gap("general.cluster_domain"),
            [.. draft.Nodes.Select(Node)],
            Required(draft.Mgmt.Primary, "mgmt_net.cidr").Value,
            draft.Mgmt.Secondary?.Value,
            Pod(draft.Pod),
            Required(draft.Service.Primary, "service_net.cidr").Value,
            draft.Service.Secondary?.Value,
            gateway.Support is { } support
                ? new SupportNetwork(Required(support.Cidr, "support_net.cidr").Value, Required(support.V4Cidr, "support_net.v4cidr").Value)
                : null,
            gateway.Nat64 is { } nat64
                ? new Nat64Settings(
                    Required(nat64.Pool, "nat64.v4_cidr").Value,
                    Required(nat64.V4Address, "nat64.v4_ip").Value,
                    Required(nat64.Address, "nat64.ip").Value,
                    nat64.Image)
                : null,
            gateway.Dns64 is { } dns64
                ? new Dns64Settings(
                    Required(dns64.RemoteServer, "dns64.remote_server").Value,
                    Required(dns64.Prefix, "dns64.cidr").Value,
                    Required(dns64.Address, "dns64.ip").Value,
                    Required(dns64.AllowAaaaUse, "dns64.allow_aaaa_use"),
                    Required(dns64.DnssecValidation, "dns64.dnssec_validation"),
                    dns64.Image)
                : null);
    }

    private static NodeSpec Node(NodeDraft node) => new(
        node.Name,
        Required(node.Interface, $"topology.{node.Name}.interface").Value,
        Required(node.Roles, $"topology.{node.Name}.opmodes").Value,
        Required(node.Id, $"topology.{node.Name}.id").Value,
        node.Ssh ?? throw Gap($"topology.{node.Name}.ssh"));

    private static PodNetwork Pod(PodDraft pod)
    {
        var primary = pod.Primary ?? throw Gap("pod_net.cidr");
        return new PodNetwork(primary.Cidr.Value, primary.NodeSize.Value, pod.Secondary?.Cidr.Value, pod.Secondary?.NodeSize.Value,
            pod.Mtu);
    }

    private static T Required<T>(T? value, string key)
        where T : struct =>
        value ?? throw Gap(key);

    private static UnreachableException Gap(string key) =>
        new($"{key} did not bind, yet no error was reported for it");
}
