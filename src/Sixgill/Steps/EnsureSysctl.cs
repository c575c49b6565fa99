using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// A <c>net.*</c> sysctl set live (docs/steps.md). Persisting it across reboots is a separate
/// <see cref="EnsureFile"/> step for <c>/etc/sysctl.d/60-sixgill.conf</c>.
/// </summary>
/// <param name="Module">The kernel module that brings the key (<c>br_netfilter</c>), loaded by an earlier step of the
/// same run: while it is not loaded the key is absent, not an error. Null for keys every kernel has.</param>
internal sealed record EnsureSysctl(SysctlKey Key, string Value, string? Module = null) : Step
{
    public override string Id => $"sysctl:{Key}";

    public override string Description => $"sysctl {Key} = {Value}";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Module is not null && ReadIfThere(context) is null)
        {
            return ProbeResult.Absent($"comes with {Module}");
        }

        var current = context.Sysctl.Read(Key);
        return SysctlValue.Same(current, Value) ? ProbeResult.Present : ProbeResult.Different($"now {current}");
    }

    public override Undo PrepareUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RevertSysctl(Key.Name, context.Sysctl.Read(Key), Value);
    }

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = Expect<RevertSysctl>(undo);
        context.Sysctl.Write(Key, Value);
    }

    // Without a journal the value before is unknown: Revert then says so and leaves the value.
    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = Module is null ? context.Sysctl.Read(Key) : ReadIfThere(context);
        return current is not null && SysctlValue.Same(current, Value) ? new RevertSysctl(Key.Name, null, Value) : null;
    }

    private string? ReadIfThere(StepContext context)
    {
        try
        {
            return context.Sysctl.Read(Key);
        }
        catch (PreconditionFailedException)
        {
            return null; // the module is not loaded (any more)
        }
    }
}

/// <summary>Puts the value back, if it is still the one Sixgill set.</summary>
/// <param name="Key">Kept as text and checked again on revert, so a hand-edited journal cannot reach beyond <c>net.*</c>.</param>
/// <param name="Previous">The value before; null when unknown (clean without a journal).</param>
internal sealed record RevertSysctl(string Key, string? Previous, string Applied) : Undo
{
    public override string Describe() => Previous is null ? $"sysctl {Key}: value before unknown" : $"sysctl {Key} back to {Previous}";

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = SysctlKey.Parse(Key);
        string current;
        try
        {
            current = context.Sysctl.Read(key);
        }
        catch (PreconditionFailedException)
        {
            return UndoOutcome.NothingToDo($"{Key} is gone (its module was unloaded)");
        }

        if (Previous is not null && SysctlValue.Same(current, Previous))
        {
            return UndoOutcome.NothingToDo();
        }

        if (!SysctlValue.Same(current, Applied))
        {
            return UndoOutcome.LeftAlone($"{Key} changed since to {current}");
        }

        if (Previous is null)
        {
            return UndoOutcome.LeftAlone($"{Key} left at {current}: no record of the value before (no journal)");
        }

        context.Sysctl.Write(key, Previous);
        return UndoOutcome.Reverted($"{Key} = {Previous}");
    }
}
