namespace Sixgill.Verify;

internal enum CheckOutcome
{
    Passed,
    Failed,

    /// <summary>Not run: an earlier hop failed, or the mode has nothing to check here.</summary>
    Skipped,
}

/// <summary>
/// One named check of <c>verify</c>. A failure names the <see cref="Hop"/> that broke (the DNS64
/// server, <c>remote_server</c>, the resolver, a route, NAT64, the IPv4 server, a peer) and a
/// <see cref="Hint"/> for what to look at there.
/// </summary>
/// <param name="Name">A stable id, e.g. <c>dns64-server</c>, <c>peer-w2</c>: scripts may match on it.</param>
/// <param name="Title">What it checks, in words.</param>
/// <param name="Detail">What was seen (on success too: the address, the route, the status).</param>
internal sealed record CheckResult(string Name, string Title, CheckOutcome Outcome, string Detail, string? Hop = null, string? Hint = null)
{
    public TimeSpan Elapsed { get; init; }

    public static CheckResult Pass(string name, string title, string detail) => new(name, title, CheckOutcome.Passed, detail);

    public static CheckResult Fail(string name, string title, string detail, string hop, string hint) => new(name, title, CheckOutcome.Failed, detail, hop, hint);

    public static CheckResult Skip(string name, string title, string reason) => new(name, title, CheckOutcome.Skipped, reason);
}
