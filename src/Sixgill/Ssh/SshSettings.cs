namespace Sixgill.Ssh;

/// <summary>
/// How this machine reaches the nodes over SSH: the private keys to offer, the known_hosts file,
/// whether unknown host keys may be recorded, and the time limits.
/// </summary>
/// <param name="ConnectTimeout">For the TCP connection and the SSH handshake of one node.</param>
/// <param name="KeepAlive">How often an idle connection is probed while a node works (0: never).</param>
/// <param name="KeyExchange">The key exchange methods to offer, in order (<c>--ssh-kex</c>); empty: <see cref="KeyExchanges.Preferred"/> first, then SSH.NET's others.</param>
internal sealed record SshSettings(
    IReadOnlyList<SshKey> Keys,
    KnownHostsFile KnownHosts,
    bool AcceptNewHostKeys,
    TimeSpan ConnectTimeout,
    TimeSpan KeepAlive,
    IReadOnlyList<string> KeyExchange)
{
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(15);
}
