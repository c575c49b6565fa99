using System.Text;
using Sixgill.Gateway;
using Sixgill.Machine;

namespace Sixgill.Planning;

/// <summary>
/// The one unit that brings a prepared node back after a reboot: at boot it runs
/// <c>sixgill reapply</c>, which takes this node's recorded state (the config copy and the journal)
/// through the same idempotent steps as <c>prepare</c>, and <c>up</c> when up had run. Pure.
/// </summary>
/// <remarks>
/// <para>Ordered after the machine's network manager, whichever it is (networkd, NetworkManager,
/// ifupdown, or none: an ordering on a unit that does not exist is ignored), so Sixgill adds its
/// address and routes to what the manager configured instead of being flushed by it; and before
/// kubelet, which needs them. <c>reapply</c> itself waits, bounded, for the management NIC to
/// exist: a device unit cannot be used because containers have no udev.</para>
/// <para>On the gateway it also comes after Sixgill's DNS64 and NAT64 units, which start at boot on
/// their own: the re-applied steps then find them running. A gateway with the docker runtime comes
/// after <c>docker.service</c> instead: its containers (restart policy <c>unless-stopped</c>) are
/// started again by the engine, and the re-applied docker steps need the engine answering.</para>
/// </remarks>
internal static class BootUnit
{
    public const string Name = "sixgill-reapply.service";

    /// <summary>The docker engine's unit as docker.io and docker-ce install it.</summary>
    public const string DockerUnit = "docker.service";

    /// <summary>The unit for <paramref name="nodeName"/>.</summary>
    /// <param name="source">What the unit runs, and with which copy of the config.</param>
    /// <param name="nodeName">The node it re-applies.</param>
    /// <param name="gateway">A gateway with the native runtime: after Sixgill's DNS64 and NAT64 units.</param>
    /// <param name="dockerGateway">A gateway with the docker runtime: after the docker engine's unit.</param>
    public static SystemdUnit Render(ReapplySource source, string nodeName, bool gateway, bool dockerGateway = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = new StringBuilder();
        text.Append("# Written by 'sixgill prepare' on ").Append(nodeName).Append("; 'sixgill clean' removes it.\n");
        text.Append("[Unit]\n");
        text.Append("Description=Sixgill: re-apply this node's prepared state after a boot\n");
        text.Append("After=network.target systemd-networkd.service NetworkManager.service networking.service systemd-sysctl.service");
        if (gateway)
        {
            text.Append(' ').Append(SystemdUnits.Dns64Unit).Append(' ').Append(SystemdUnits.Nat64Unit);
        }

        if (dockerGateway)
        {
            text.Append(' ').Append(DockerUnit);
        }

        text.Append('\n');
        text.Append("Before=kubelet.service\n");
        text.Append('\n');
        text.Append("[Service]\n");
        text.Append("Type=oneshot\n");
        text.Append("RemainAfterExit=yes\n");
        text.Append("ExecStart=").Append(string.Join(' ', [.. source.Program.Select(Checked), "reapply", "-c", Checked(source.ConfigCopy), "--host", nodeName,
            "--state-dir", Checked(source.StateDirectory)])).Append('\n');
        text.Append('\n');
        text.Append("[Install]\n");
        text.Append("WantedBy=multi-user.target\n");
        return new SystemdUnit(Name, text.ToString());
    }

    private static string Checked(string path) => SystemdUnits.Checked(path);
}
