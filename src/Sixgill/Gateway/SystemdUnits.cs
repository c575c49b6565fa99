using System.Text;
using Sixgill.Addressing;
using Sixgill.Machine;

namespace Sixgill.Gateway;

/// <summary>
/// The systemd units that supervise the gateway's daemons when PID 1 is systemd (docs/gateway.md):
/// restart on failure, and start at boot.
/// </summary>
/// <remarks>
/// <para>A reboot loses the tunnel, the bridge, their routes and the nftables table, which
/// <c>prepare</c> made live. Each unit therefore puts back, idempotently, what its daemon needs
/// before it starts: <c>ip … replace</c>, <c>tayga --mktun</c> (harmless on an existing tunnel) and
/// the self-replacing NAT44 ruleset. Removing them stays <c>clean</c>'s job, through its journal.</para>
/// <para>Both daemons write pid files under <c>/run/sixgill</c> here too (made again at every start,
/// since <c>/run</c> is empty after a reboot): a pid file older than its daemon's config says the
/// daemon still runs the old one, in either kind of supervision.</para>
/// <para><c>named -f</c> stays in the foreground for systemd; <c>-u bind</c> drops root after binding
/// port 53, as Debian's own unit does, so the state directory must belong to <c>bind</c>.</para>
/// <para><c>nodad</c>: a port-less bridge has no neighbours to collide with, and named cannot bind an
/// address that is still tentative.</para>
/// </remarks>
internal static class SystemdUnits
{
    public const string Dns64Unit = "sixgill-dns64.service";

    public const string Nat64Unit = "sixgill-nat64.service";

    /// <summary>Where Debian puts <c>ip</c> (<c>/sbin</c> exists both with and without the merged /usr).</summary>
    public const string IpProgram = "/sbin/ip";

    /// <summary>coreutils' <c>install</c>, which makes the pid file's directory under <c>/run</c> (a tmpfs, empty after a reboot).</summary>
    public const string InstallProgram = "/usr/bin/install";

    public static IReadOnlyList<SystemdUnit> Render(AddressPlan plan) => Render(plan, GatewayPaths.Default);

    public static IReadOnlyList<SystemdUnit> Render(AddressPlan plan, GatewayPaths paths) => [Dns64(plan, paths), Nat64(plan, paths)];

    public static SystemdUnit Dns64(AddressPlan plan, GatewayPaths paths)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(paths);
        var gateway = Dns64NamedConf.GatewayServicesOf(plan);
        var bridge = GatewayServices.SupportBridge;
        var address = $"{gateway.Dns64Address}/{gateway.SupportNetwork.Length}";
        var text = new StringBuilder();
        Header(text, gateway, $"Sixgill DNS64 server (named) on {gateway.Dns64Address}", "named(8)");
        text.Append("[Service]\nType=simple\n");
        // '-': the bridge is usually there already (prepare made it); 'link add' has no 'replace' form.
        ExecStartPre(text, $"-{IpProgram} link add {bridge} type bridge");
        ExecStartPre(text, $"{IpProgram} link set {bridge} up");
        ExecStartPre(text, $"{IpProgram} address replace {address} dev {bridge} nodad");
        var user = Dns64NamedConf.ServiceUser;
        ExecStartPre(text, $"{InstallProgram} -d -o {user} -g {user} -m 0750 {Checked(paths.Dns64RunDirectory)}");
        ExecStartPre(text, $"{GatewayPrograms.NamedCheckconf.DebianPath} {Checked(paths.Dns64Config)}");
        text.Append("ExecStart=").Append(GatewayPrograms.Named.DebianPath).Append(" -f -u ").Append(Dns64NamedConf.ServiceUser)
            .Append(" -c ").Append(Checked(paths.Dns64Config)).Append('\n');
        Footer(text);
        return new SystemdUnit(Dns64Unit, text.ToString());
    }

    public static SystemdUnit Nat64(AddressPlan plan, GatewayPaths paths)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(paths);
        var gateway = Dns64NamedConf.GatewayServicesOf(plan);
        var tunnel = GatewayServices.Nat64Tunnel;
        var config = Checked(paths.Nat64Config);
        var text = new StringBuilder();
        Header(text, gateway, $"Sixgill NAT64 (TAYGA) for {gateway.Dns64Prefix}", "tayga(8)");
        text.Append("[Service]\nType=simple\n");
        ExecStartPre(text, $"{GatewayPrograms.Tayga.DebianPath} -c {config} --mktun");
        ExecStartPre(text, $"{IpProgram} link set {tunnel} up");
        foreach (var route in plan[gateway.NodeName].PrepareRoutes.Where(r => r.Device == tunnel))
        {
            ExecStartPre(text, $"{IpProgram} route replace {route}");
        }

        ExecStartPre(text, $"{GatewayPrograms.Nft.DebianPath} -f {Checked(paths.Nat44Ruleset)}");
        ExecStartPre(text, $"{InstallProgram} -d -m 0755 {Checked(paths.Nat64RunDirectory)}");
        text.Append("ExecStart=").Append(GatewayPrograms.Tayga.DebianPath).Append(" -c ").Append(config)
            .Append(" --nodetach --pidfile ").Append(Checked(paths.Nat64PidFile)).Append('\n');
        Footer(text);
        return new SystemdUnit(Nat64Unit, text.ToString());
    }

    private static void Header(StringBuilder text, GatewayServices gateway, string description, string manual)
    {
        text.Append("# Written by 'sixgill prepare' on ").Append(gateway.NodeName).Append("; 'sixgill clean' removes it.\n");
        text.Append("[Unit]\n");
        text.Append("Description=").Append(description).Append('\n');
        text.Append("Documentation=man:").Append(manual).Append('\n');
        text.Append("After=network.target\n");
        text.Append('\n');
    }

    private static void Footer(StringBuilder text)
    {
        text.Append("Restart=on-failure\n");
        text.Append("RestartSec=2s\n");
        text.Append('\n');
        text.Append("[Install]\n");
        text.Append("WantedBy=multi-user.target\n");
    }

    private static void ExecStartPre(StringBuilder text, string command) => text.Append("ExecStartPre=").Append(command).Append('\n');

    /// <summary>systemd splits command lines at blanks and expands <c>%</c> and <c>$</c>: paths must carry none of them.</summary>
    internal static string Checked(string path) =>
        path.Any(c => char.IsWhiteSpace(c) || c is '%' or '$' or '"' or '\'' or '\\' or ';')
            ? throw new ArgumentException($"'{path}' cannot appear in a systemd unit: it has a blank or one of % $ \" ' \\ ;", nameof(path))
            : path;
}
