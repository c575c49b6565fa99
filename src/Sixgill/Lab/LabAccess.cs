using System.Globalization;
using System.Text;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// The lab's SSH side (<c>--all</c> the way a user runs it): every node runs its own sshd
/// (<c>sshd -D -e -f FILE</c>, started inside the node, listening only on its access address, with
/// host keys of its own); the admin node has its own HOME with a key that every node's root accepts,
/// a known_hosts that knows every node's host key, and /etc/hosts lines that name the nodes by their
/// access addresses, so a topology without <c>ssh</c> keys reaches <c>root@&lt;node&gt;</c>. Nothing
/// here reads or writes the machine's own ~/.ssh or /etc/ssh.
/// </summary>
internal static class LabAccess
{
    /// <summary>How long every sshd gets to listen after it starts.</summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);

    private const UnixFileMode Open = (UnixFileMode)0b111_101_101;
    private const UnixFileMode Private = (UnixFileMode)0b111_000_000;
    private const UnixFileMode PrivateFile = (UnixFileMode)0b110_000_000;
    private const UnixFileMode Readable = (UnixFileMode)0b110_100_100;

    public const string Sshd = "/usr/sbin/sshd";

    /// <summary>The admin's private key (its HOME's id_ed25519).</summary>
    public static string AdminKey(LabNames names) => $"{names.AdminHome}/.ssh/id_ed25519";

    public static string KnownHosts(LabNames names) => $"{names.AdminHome}/.ssh/known_hosts";

    public static string AuthorizedKeys(LabNames names) => $"{names.SshDirectory}/authorized_keys";

    public static string HostKey(LabNames names, string node) => $"{names.SshDirectory}/{node}/ssh_host_ed25519_key";

    public static string SshdConfig(LabNames names, string node) => $"{names.SshDirectory}/{node}/sshd_config";

    public static async Task StartAsync(VirtualLab lab, IProcessRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(runner);
        var access = lab.Access ?? throw new ArgumentException($"lab '{lab.Name}' has no access network", nameof(lab));
        var names = lab.Layout.Names;
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the lab runs on Linux only");
        }

        Directory.CreateDirectory(names.SshDirectory, Open);
        Directory.CreateDirectory($"{names.AdminHome}/.ssh", Private);
        await KeygenAsync(runner, AdminKey(names), $"admin@{lab.Name}", cancellationToken);
        File.Copy(AdminKey(names) + ".pub", AuthorizedKeys(names), overwrite: true);
        File.SetUnixFileMode(AuthorizedKeys(names), Readable);

        var knownHosts = new StringBuilder();
        var hosts = new StringBuilder("# the lab's access network (sixgill lab)\n");
        var daemons = new List<LabDaemon>();
        foreach (var port in access.Ports)
        {
            var node = lab.Node(port.Node);
            Directory.CreateDirectory($"{names.SshDirectory}/{port.Node}", Open);
            await KeygenAsync(runner, HostKey(names, port.Node), $"root@{port.Node}", cancellationToken);
            await File.WriteAllTextAsync(SshdConfig(names, port.Node), Config(names, port), cancellationToken);
            (await node.RunAsync(["mkdir", "-p", "-m", "0755", "/run/sshd"], cancellationToken)).EnsureSuccess();
            daemons.Add(node.StartDaemon("sshd-" + port.Node, [Sshd, "-D", "-e", "-f", SshdConfig(names, port.Node)], $"{names.WorkDirectory}/ssh"));
            var hostKey = (await File.ReadAllTextAsync(HostKey(names, port.Node) + ".pub", cancellationToken)).Split(' ');
            knownHosts.Append($"{port.Node},{port.Address} {hostKey[0]} {hostKey[1].Trim()}\n");
            hosts.Append($"{port.Address} {port.Node}\n");
        }

        await File.WriteAllTextAsync(KnownHosts(names), knownHosts.ToString(), cancellationToken);
        File.SetUnixFileMode(KnownHosts(names), PrivateFile);
        var admin = lab.Admin!;
        (await admin.RunAsync(new ProcessRequest(["sh", "-c", "cat >> /etc/hosts"]) { StandardInput = hosts.ToString() }, cancellationToken)).EnsureSuccess();
        await WaitListeningAsync(daemons, cancellationToken);
    }

    /// <summary>
    /// One node's sshd: only its access address, only keys (root's through the lab's authorized_keys,
    /// other users' through their own), no PAM (a namespace node has no login session machinery),
    /// SFTP inside sshd, its pid file in the node's own /run.
    /// </summary>
    internal static string Config(LabNames names, LabAccessPort port)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(port);
        return $"""
            # sshd of lab node {port.Node} (sixgill lab): started inside the node, on its access address only
            ListenAddress {port.Address}
            Port 22
            HostKey {HostKey(names, port.Node)}
            PidFile /run/sshd-sixgill-lab.pid
            AuthorizedKeysFile {AuthorizedKeys(names)} .ssh/authorized_keys
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PrintMotd no
            Subsystem sftp internal-sftp

            """;
    }

    private static async Task KeygenAsync(IProcessRunner runner, string path, string comment, CancellationToken cancellationToken)
    {
        (await runner.RunAsync(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path], cancellationToken)).EnsureSuccess();
    }

    private static async Task WaitListeningAsync(IReadOnlyList<LabDaemon> daemons, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        foreach (var daemon in daemons)
        {
            while (!daemon.LogTail().Contains("Server listening", StringComparison.Ordinal))
            {
                if (!daemon.IsRunning || DateTime.UtcNow > deadline)
                {
                    throw new LabException($"the sshd of {daemon.Namespace} did not start listening within {ReadyTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: {daemon.LogTail(500)}");
                }

                await Task.Delay(20, cancellationToken);
            }
        }
    }
}
