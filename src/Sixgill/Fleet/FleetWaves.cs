namespace Sixgill.Fleet;

/// <summary>
/// The nodes a command reaches, wave after wave, and whether a wave needs every node of the waves
/// before it to have succeeded (the gateway before the others in <c>prepare</c>, the master before
/// the minions in <c>up</c>); <c>clean</c> and <c>down</c> go on whatever failed, each node undoing
/// its own changes.
/// </summary>
internal sealed record FleetWaves(IReadOnlyList<IReadOnlyList<string>> Waves, bool LaterNeedEarlier)
{
    public IEnumerable<string> Nodes => Waves.SelectMany(w => w);

    /// <summary>The same waves with only <paramref name="nodes"/> (<c>--node</c>), empty waves dropped.</summary>
    public FleetWaves Only(IReadOnlyCollection<string> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return this with { Waves = [.. Waves.Select(w => (IReadOnlyList<string>)[.. w.Where(nodes.Contains)]).Where(w => w.Count > 0)] };
    }
}
