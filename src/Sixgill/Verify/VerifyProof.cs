namespace Sixgill.Verify;

/// <summary>
/// What passed checks prove, and nothing more: each way-out check that passed on every node run
/// stands for one sentence; peers for another. A run in which no way-out check passed proves no
/// way out, and the closing line says so instead of a claim.
/// </summary>
internal static class VerifyProof
{
    /// <summary>The checks that show a node's way out, and what each proves when it passed.</summary>
    public const string Nat64Claim = "reached an IPv4-only web server by name through DNS64 and NAT64";

    private static readonly (string Check, string Claim)[] WaysOut =
    [
        (HttpCheck.Name, Nat64Claim),
        (OwnWayOutChecks.Ipv4Name, "reached the web server by name over IPv4"),
        (OwnWayOutChecks.Ipv6Name, "reached the web server by name over IPv6"),
    ];

    /// <summary>The check names of the way-out checks.</summary>
    public static IEnumerable<string> WayOutChecks => WaysOut.Select(w => w.Check);

    /// <summary>
    /// The claims the checks prove: a way-out check counts when every node that ran it passed it.
    /// </summary>
    /// <param name="checks">Every check of every node: its node, name and outcome.</param>
    public static IReadOnlyList<string> Claims(IReadOnlyList<(string Node, string Name, CheckOutcome Outcome)> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var claims = new List<string>();
        foreach (var (check, claim) in WaysOut)
        {
            var runs = checks.Where(c => c.Name == check).ToList();
            if (runs.Count > 0 && runs.All(c => c.Outcome == CheckOutcome.Passed))
            {
                claims.Add(claim);
            }
        }

        return claims;
    }

    /// <summary>The closing words: "IPv6-only nodes reached … ", or why nothing is proven.</summary>
    /// <param name="subject">Who: "IPv6-only nodes", "w1".</param>
    public static string Sentence(string subject, IReadOnlyList<string> claims, IReadOnlyList<(string Node, string Name, CheckOutcome Outcome)> checks)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(checks);
        if (claims.Count > 0)
        {
            return $"{subject} {string.Join(", and ", claims)}";
        }

        var wayOut = checks.Where(c => WayOutChecks.Contains(c.Name)).ToList();
        return wayOut.Count == 0 || wayOut.All(c => c.Outcome == CheckOutcome.Skipped)
            ? "no way out was checked (every way-out check skipped): nothing about reaching the web server is proven"
            : "the way out is not proven";
    }
}
