using System.Collections.Immutable;
using Sixgill.Addressing;
using Sixgill.Docker;
using Sixgill.Gateway;
using Sixgill.Machine;
using Sixgill.Steps;

namespace Sixgill.Planning;

/// <summary>
/// The steps of the docker runtime's DNS64/NAT64 gateway (docs/gateway.md), which come first in the
/// gateway node's prepare when <c>general.runtime</c> is docker: the preflight (engine and images),
/// the DNS64 container's named.conf on the node, the network <c>support_net</c>, the containers
/// <c>tayga</c> then <c>bind9</c> (bind9 forwards through tayga and is ready when it answers), the
/// host routes into them, and the NAT44 of the pool. Pure: computed from the address plan.
/// </summary>
/// <remarks>
/// Clean undoes them newest first: containers before their network, the file last. Images are kept
/// (cache, not state), and nothing else of the engine's is touched.
/// NAT44: Sixgill's own nftables table masquerades the pool, as with the native runtime. A
/// dockerd with its default <c>--ip-masq</c> masquerades the support network as well (harmless:
/// a connection is translated once); one run with <c>--ip-masq=false</c>, as in the lab, needs it.
/// </remarks>
internal static class DockerGatewayPlan
{
    private const string Root = "root";

    private static readonly UnixFileMode Public = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly UnixFileMode PublicDirectory = Public | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static ImmutableArray<Step> Steps(AddressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var gateway = plan.Gateway ?? throw new ArgumentException("the cluster has no DNS64/NAT64 gateway", nameof(plan));
        var dns64 = Dns64ContainerSpec.For(gateway, plan.Cluster.Dns64?.Image ?? ImageRecipes.Image(ImageRecipes.Dns64).Reference);
        var nat64 = Nat64ContainerSpec.For(gateway, plan.Cluster.Nat64?.Image ?? ImageRecipes.Image(ImageRecipes.Nat64).Reference);
        var namedConf = FileBody.FromText(Dns64NamedConf.RenderForContainer(plan, Dns64ContainerSpec.WorkingDirectory));

        return
        [
            new RequireDockerEngine([nat64.Image, dns64.Image]),
            new EnsureDirectory(Dns64ContainerSpec.HostConfigDirectory, PublicDirectory, Root, Root, HoldsDaemonFiles: false),
            new EnsureFile($"{Dns64ContainerSpec.HostConfigDirectory}/{Dns64ContainerSpec.ConfigFileName}", namedConf, Public),
            new EnsureDockerNetwork(SupportNetworkSpec.For(gateway)),
            new EnsureContainer(nat64),
            new EnsureContainer(dns64, AnswersDnsAt: gateway.Dns64Address),
            .. plan[gateway.NodeName].PrepareRoutes.Select(route => new EnsureRoute(new KernelRoute(route.Destination, route.Via, route.Device))),
            new EnsureNat44(gateway.Nat64Pool, Nat44Ruleset.Render(plan)),
        ];
    }
}
