using Sixgill.Gateway;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// The programs each lab command runs, with their Debian packages, checked with the gateway's
/// preflight (<see cref="ProgramPreflight"/>) before anything is made.
/// </summary>
internal static class LabPrograms
{
    public static readonly RequiredProgram Ip = new("ip", "iproute2", "/usr/bin/ip", "makes the lab's namespaces and links");

    public static readonly RequiredProgram Nsenter = new("nsenter", "util-linux", "/usr/bin/nsenter", "runs commands inside lab nodes");

    public static readonly RequiredProgram Unshare = new("unshare", "util-linux", "/usr/bin/unshare", "gives nodes their own mounts and hostname");

    public static readonly RequiredProgram Mount = new("mount", "mount", "/usr/bin/mount", "overlays each node's /etc");

    public static readonly RequiredProgram Umount = new("umount", "mount", "/usr/bin/umount", "removes the lab's mounts");

    public static readonly RequiredProgram Sysctl = new("sysctl", "procps", "/usr/sbin/sysctl", "sets net.* inside lab namespaces");

    public static readonly RequiredProgram Kill = new("kill", "procps", "/usr/bin/kill", "ends the lab's processes");

    public static readonly RequiredProgram Hostname = new("hostname", "hostname", "/usr/bin/hostname", "names each node");

    public static readonly RequiredProgram Dnsmasq = new("dnsmasq", "dnsmasq-base", "/usr/sbin/dnsmasq", "the lab internet's DNS server");

    public static readonly RequiredProgram Busybox = new("busybox", "busybox", "/usr/bin/busybox", "the lab internet's web server");

    public static readonly RequiredProgram Ping = new("ping", "iputils-ping", "/usr/bin/ping", "verify's check that nodes reach each other");

    public static readonly RequiredProgram Sshd = new("sshd", "openssh-server", "/usr/sbin/sshd", "lets the admin node reach every node over SSH (--all)");

    public static readonly RequiredProgram SshKeygen = new("ssh-keygen", "openssh-client", "/usr/bin/ssh-keygen", "makes the nodes' host keys and the admin's key");

    public static readonly RequiredProgram Nspawn = new(SystemdMachine.Nspawn, "systemd-container", "/usr/bin/systemd-nspawn", "boots systemd lab nodes");

    public static readonly RequiredProgram Debootstrap = new("debootstrap", "debootstrap", "/usr/sbin/debootstrap", "builds the systemd nodes' Debian root (once)");

    public static readonly RequiredProgram Chroot = new("chroot", "coreutils", "/usr/sbin/chroot", "installs packages into the systemd nodes' root");

    /// <summary>What <c>lab up</c> runs; the internet's daemons only when the lab has one.</summary>
    /// <param name="docker">The lab starts a dockerd in its gateway node (docker runtime).</param>
    /// <param name="systemd">The nodes boot systemd: nspawn, and what builds their root while it is not cached.</param>
    /// <param name="access">The lab has the access network: an sshd in every node and the admin's key.</param>
    public static IReadOnlyList<RequiredProgram> Up(bool withInternet, bool docker = false, bool systemd = false, bool access = true) =>
    [
        .. withInternet ? [Ip, Nsenter, Unshare, Mount, Umount, Sysctl, Kill, Hostname, Dnsmasq, Busybox] : new[] { Ip, Nsenter, Unshare, Mount, Umount, Sysctl, Kill, Hostname },
        .. access ? [Sshd, SshKeygen] : Array.Empty<RequiredProgram>(),
        .. docker ? [LabDocker.Dockerd] : Array.Empty<RequiredProgram>(),
        .. systemd ? Root(built: SystemdRoot.IsBuilt) : [],
    ];

    /// <summary>
    /// What <c>lab demo</c> runs: <c>lab up</c>'s, the native gateway's (prepare on the gateway node) and verify's.
    /// Systemd nodes run the gateway's programs from their own root.
    /// </summary>
    public static IReadOnlyList<RequiredProgram> Demo(bool withInternet, bool nativeGateway, bool docker = false, bool systemd = false, bool access = true) =>
        [.. Up(withInternet, docker, systemd, access), .. nativeGateway && !systemd ? GatewayPrograms.Required : [], Ping];

    /// <summary>What booting systemd nodes takes, and building their root when <paramref name="built"/> is false.</summary>
    public static IReadOnlyList<RequiredProgram> Root(bool built) => built ? [Nspawn] : [Nspawn, Debootstrap, Chroot];

    /// <summary>What <c>lab down</c> runs.</summary>
    public static IReadOnlyList<RequiredProgram> Down { get; } = [Ip, Umount, Kill];

    /// <summary>What <c>lab status</c> and <c>lab exec</c> run.</summary>
    public static IReadOnlyList<RequiredProgram> Use { get; } = [Ip, Nsenter];
}
