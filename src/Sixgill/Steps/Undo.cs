namespace Sixgill.Steps;

/// <summary>
/// How to take one change back, recorded in the journal <em>before</em> the change is made. It holds
/// everything undo needs (the previous value, the lines disabled, where the backup is), so a new
/// process can undo it after a crash without the step or the config. It never holds a secret: file
/// contents appear only as hashes.
/// </summary>
/// <remarks>
/// <see cref="Revert"/> must be safe whether the change happened, half happened, or never happened
/// (the process may have died between writing the intent and applying it), and it touches only what
/// is still as Sixgill left it. The journal's vocabulary (<c>Engine/UndoJson</c>) names every kind:
/// a new kind of undo is added there, with a name that never changes once released.
/// </remarks>
internal abstract record Undo
{
    /// <summary>What undoing does, for people: <c>remove fd00:20::2/64 from eth0</c>.</summary>
    public abstract string Describe();

    public abstract UndoOutcome Revert(StepContext context);

    /// <summary>
    /// Whether <paramref name="next"/>, the undo taken back right after this one, can be taken back in
    /// the same request to the kernel (<see cref="RevertTogether"/>), because one request for both is
    /// cheaper than one each. Most undos go alone.
    /// </summary>
    public virtual bool GoesWith(Undo next) => false;

    /// <summary>
    /// Takes back this undo and <paramref name="others"/> (each of which goes with the one before it,
    /// <see cref="GoesWith"/>) at once: one outcome each, in order, this one's first. Like
    /// <see cref="Revert"/>, safe whether the changes happened or not; when it throws, none counts as undone.
    /// </summary>
    public virtual IReadOnlyList<UndoOutcome> RevertTogether(StepContext context, IReadOnlyList<Undo> others) =>
        throw new NotSupportedException($"'{Describe()}' is taken back on its own");
}
