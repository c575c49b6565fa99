namespace Sixgill.Machine;

/// <summary>
/// The kernel refused a change of a link, address or route. The message names the change as the
/// <c>ip</c> command that makes it and the reason in <c>ip</c>'s words:
/// <c>'ip -6 route replace fd00:10::/64 via fd00:20::9 dev eth1': RTNETLINK answers: Network is unreachable</c>.
/// </summary>
internal sealed class NetworkChangeException(IReadOnlyList<string> command, string reason, int errno)
    : Exception($"'{CommandLine.Format(command)}': {reason}")
{
    public IReadOnlyList<string> Command { get; } = command;

    /// <summary>The errno of the refusal (EEXIST 17, ENODEV 19, EPERM 1, …).</summary>
    public int Errno { get; } = errno;
}
