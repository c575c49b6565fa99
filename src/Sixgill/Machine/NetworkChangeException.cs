namespace Sixgill.Machine;

/// <summary>
/// The kernel refused a change of a link, address or route, or of an nftables table. The message
/// names the change as the command that makes it (<c>ip</c>, <c>nft</c>) and the reason in that
/// command's words:
/// <c>'ip -6 route replace fd00:10::/64 via fd00:20::9 dev eth1': RTNETLINK answers: Network is unreachable</c>,
/// <c>'nft delete table ip sixgill': Error: Could not process rule: Device or resource busy (errno 16)</c>.
/// </summary>
internal sealed class NetworkChangeException(IReadOnlyList<string> command, string reason, int errno)
    : Exception($"'{CommandLine.Format(command)}': {reason}")
{
    public IReadOnlyList<string> Command { get; } = command;

    /// <summary>The errno of the refusal (EEXIST 17, ENODEV 19, EPERM 1, …).</summary>
    public int Errno { get; } = errno;
}
