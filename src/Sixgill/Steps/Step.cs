namespace Sixgill.Steps;

/// <summary>
/// One thing that should be true on a node (an address, a route, a sysctl, a file, some lines), as
/// data, with the three operations the engine needs: probe (is it so?), apply (make it so) and the
/// undo that takes the change back. Nothing changes a machine except a step's Apply and an
/// <see cref="Undo"/>'s Revert.
/// </summary>
internal abstract record Step
{
    /// <summary>Stable identity (<c>route:fd00:10::/64</c>): the same step gets the same id in every run.</summary>
    public abstract string Id { get; }

    /// <summary>For people: <c>address fd00:20::2/64 on eth0</c>. Never holds a secret.</summary>
    public abstract string Description { get; }

    /// <summary>Reads the host and compares with what the step wants. Changes nothing.</summary>
    public abstract ProbeResult Probe(StepContext context);

    /// <summary>
    /// Reads the host (changing nothing) and returns the undo of the change Apply is about to make,
    /// so the engine can journal it first.
    /// </summary>
    public abstract Undo PrepareUndo(StepContext context);

    /// <summary>Makes it so. <paramref name="undo"/> is what <see cref="PrepareUndo"/> returned.</summary>
    public abstract void Apply(StepContext context, Undo undo);

    /// <summary>
    /// For clean without a journal: an undo for what the probe finds of this step's state now, or
    /// null when nothing of it is there.
    /// </summary>
    public abstract Undo? FindUndo(StepContext context);

    protected static TUndo Expect<TUndo>(Undo undo)
        where TUndo : Undo =>
        undo as TUndo ?? throw new ArgumentException($"expected a {typeof(TUndo).Name}, got {undo?.GetType().Name ?? "null"}", nameof(undo));
}
