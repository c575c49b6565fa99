namespace Sixgill.Facts;

/// <summary>
/// What the plan of a node depends on besides the config: how its resolver is set up, whether
/// systemd runs there, and how its kernel has br_netfilter. Read once per run (<see cref="NodeFactsReader"/>), then the planning is pure.
/// </summary>
internal sealed record NodeFacts(ResolverSetup Resolver, SystemdState Systemd)
{
    /// <summary>What <c>up</c> and <c>down</c> plan with: the CA <c>init</c> made, whose kubeconfig the admin one becomes.</summary>
    public UpFacts Up { get; init; } = UpFacts.None;

    /// <summary>Whether br_netfilter must be loaded (bridge plugin); built in unless told otherwise, as on the test machines.</summary>
    public BridgeNetfilter BridgeNetfilter { get; init; } = BridgeNetfilter.BuiltIn;

    /// <summary>A plain Debian box without systemd: what tests and plans assume unless told otherwise.</summary>
    public static NodeFacts Plain { get; } = new(ResolverSetup.PlainFile, SystemdState.NotRunning);
}
