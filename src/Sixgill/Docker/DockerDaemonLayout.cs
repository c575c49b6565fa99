namespace Sixgill.Docker;

/// <summary>
/// A Docker Engine of its own for a virtual lab node (docs/testing.md): every file under one directory,
/// its own socket and cgroup parent, and flags that keep it from changing anything outside the
/// node — no iptables rules, no forwarding sysctls, no masquerade, no default bridge. The lab's
/// way to give a node "the machine's docker"; never used on a real machine.
/// </summary>
/// <param name="Root">The daemon's directory: data, exec state, pid file and socket. Short, so the
/// socket paths below it stay within the 107 bytes a unix socket path may have.</param>
/// <param name="CgroupParent">The cgroup (in every hierarchy) its containers go under, unique to
/// this daemon so that it can be removed by exact name afterwards.</param>
internal sealed record DockerDaemonLayout(string Root, string CgroupParent)
{
    public string DataRoot => Path.Combine(Root, "data");

    public string ExecRoot => Path.Combine(Root, "exec");

    public string PidFile => Path.Combine(Root, "docker.pid");

    public string Socket => Path.Combine(Root, "docker.sock");

    public Uri Endpoint => DockerEndpoint.ForSocket(Socket);

    /// <summary>A layout under <c>/tmp/sg-dockerd-&lt;name&gt;</c> with the cgroup parent <c>/sg-dockerd-&lt;name&gt;</c>.</summary>
    public static DockerDaemonLayout Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{name}' must be lower-case letters, digits and '-'", nameof(name));
        }

        return new DockerDaemonLayout($"/tmp/{Prefix}{name}", $"/{Prefix}{name}");
    }

    /// <summary>What every such daemon's directory and cgroup starts with, for sweeps of leftovers.</summary>
    public const string Prefix = "sg-dockerd-";

    /// <summary>
    /// The argument vector that runs the daemon, to be started inside the node (its network, mount
    /// and UTS namespaces). <c>unshare</c> gives it a PID namespace, so that when it ends — stopped,
    /// killed or orphaned by a crash — every process under it ends too, containers included
    /// (<c>--kill-child</c> passes a kill of unshare on to it); and a mount namespace below the
    /// node's, so that its mounts vanish with it. Its files stay the node's: /etc, bind mounts.
    /// </summary>
    public IReadOnlyList<string> Command =>
    [
        "unshare", "--pid", "--fork", "--kill-child", "--mount", "--propagation", "slave", "--mount-proc", "--",
        "dockerd",
        "--data-root", DataRoot,
        "--exec-root", ExecRoot,
        "--pidfile", PidFile,
        "-H", "unix://" + Socket,
        "--cgroup-parent", CgroupParent,
        // Firewall, forwarding and NAT are the node's business (Sixgill's steps, or the lab's).
        "--iptables=false",
        "--ip6tables=false",
        "--ip-forward=false",
        "--ip-masq=false",
        // No docker0: only the networks Sixgill creates.
        "--bridge=none",
        "--userland-proxy=false",
    ];
}
