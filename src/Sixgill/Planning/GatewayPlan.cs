using System.Collections.Immutable;
using Sixgill.Addressing;
using Sixgill.Gateway;
using Sixgill.Machine;
using Sixgill.Steps;

namespace Sixgill.Planning;

/// <summary>
/// The steps of the native DNS64/NAT64 gateway (docs/gateway.md), which come first in the gateway node's
/// prepare: the preflight, the daemons' directories and configs, the AppArmor rules where AppArmor
/// confines named, <c>sixgill0</c> with <c>dns64.ip</c>, TAYGA's tunnel and the routes into it, the
/// NAT44 table, and the two daemons — as systemd units where systemd is PID 1, started directly
/// otherwise. Pure: computed from the address plan and how the node supervises services.
/// </summary>
/// <remarks>
/// Clean undoes them newest first: the daemons stop before their tunnel, table, links and files go,
/// and the tunnel is deleted explicitly (it outlives TAYGA).
/// </remarks>
internal static class GatewayPlan
{
    private const string Root = "root";

    private static readonly UnixFileMode Public = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly UnixFileMode PublicDirectory = Public | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static readonly UnixFileMode GroupDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    public static ImmutableArray<Step> Steps(AddressPlan plan, GatewayPaths paths, Supervision supervision)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(paths);
        var gateway = plan.Gateway ?? throw new ArgumentException("the cluster has no DNS64/NAT64 gateway", nameof(plan));
        var bind = Dns64NamedConf.ServiceUser;
        var named = FileBody.FromText(Dns64NamedConf.Render(plan, paths));
        var tayga = FileBody.FromText(Nat64TaygaConf.Render(plan, paths));
        var nat44 = Nat44Ruleset.Render(plan);

        return
        [
            new RequirePrograms([.. GatewayPrograms.Required]),
            new RequireFreeDnsPort(gateway.Dns64Address.ToString(), paths.Dns64Config),

            new EnsureDirectory(paths.Dns64ConfigDirectory, PublicDirectory, Root, Root, HoldsDaemonFiles: false),
            new EnsureDirectory(paths.Nat64ConfigDirectory, PublicDirectory, Root, Root, HoldsDaemonFiles: false),

            // named writes its session key and pid file after dropping root to bind.
            new EnsureDirectory(paths.Dns64StateDirectory, GroupDirectory, bind, bind, HoldsDaemonFiles: true),
            new EnsureDirectory(paths.Dns64RunDirectory, GroupDirectory, bind, bind, HoldsDaemonFiles: true),
            new EnsureDirectory(paths.Nat64StateDirectory, PublicDirectory, Root, Root, HoldsDaemonFiles: true),
            new EnsureDirectory(paths.Nat64RunDirectory, PublicDirectory, Root, Root, HoldsDaemonFiles: true),
            new EnsureFile(paths.Dns64Config, named, Public),
            new EnsureFile(paths.Nat64Config, tayga, Public),
            .. supervision == Supervision.Systemd ? [new EnsureFile(paths.Nat44Ruleset, FileBody.FromText(nat44), Public)] : Array.Empty<Step>(),
            new EnsureAppArmorRules(Dns64AppArmor.LocalProfile, Dns64AppArmor.Profile, [.. Dns64AppArmor.Rules(paths)]),

            new EnsureBridge(GatewayServices.SupportBridge, new InterfaceAddress(gateway.Dns64Address, gateway.SupportNetwork.Length)),
            new EnsureNat64Tunnel(GatewayServices.Nat64Tunnel, paths.Nat64Config),
            .. plan[gateway.NodeName].PrepareRoutes.Select(route => new EnsureRoute(new KernelRoute(route.Destination, route.Via, route.Device))),
            new EnsureNat44(gateway.Nat64Pool, nat44),

            .. Daemons(plan, paths, supervision, Dns64Daemon(gateway, paths, named), Nat64Daemon(paths, tayga)),
        ];
    }

    private static Step[] Daemons(AddressPlan plan, GatewayPaths paths, Supervision supervision, DaemonSpec dns64, DaemonSpec nat64) =>
        supervision == Supervision.Systemd
            ? [new EnsureSystemdService(SystemdUnits.Dns64(plan, paths), dns64), new EnsureSystemdService(SystemdUnits.Nat64(plan, paths), nat64)]
            : [new EnsureDaemon(dns64), new EnsureDaemon(nat64)];

    /// <summary>named as its own instance (<c>-u bind</c>: it drops root once port 53 is bound), checked by named-checkconf, ready when it answers on <c>dns64.ip</c>.</summary>
    public static DaemonSpec Dns64Daemon(GatewayServices gateway, GatewayPaths paths, FileBody config)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(config);
        return new DaemonSpec(
            GatewayPrograms.Named.Name,
            ["-u", Dns64NamedConf.ServiceUser, "-c", paths.Dns64Config],
            paths.Dns64Config,
            config,
            paths.Dns64PidFile,
            [GatewayPrograms.NamedCheckconf.Name, paths.Dns64Config],
            gateway.Dns64Address);
    }

    /// <summary>TAYGA, which detaches and writes its pid file where it is told.</summary>
    public static DaemonSpec Nat64Daemon(GatewayPaths paths, FileBody config)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(config);
        return new DaemonSpec(
            GatewayPrograms.Tayga.Name,
            ["-c", paths.Nat64Config, "--pidfile", paths.Nat64PidFile],
            paths.Nat64Config,
            config,
            paths.Nat64PidFile,
            [],
            null);
    }
}
