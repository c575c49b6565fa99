using System.Collections.Immutable;
using Sixgill.Gateway;

namespace Sixgill.Steps;

/// <summary>
/// Lets an AppArmor-confined named use Sixgill's config and state directories: the rules go into the
/// profile's local site file (<see cref="Dns64AppArmor.LocalProfile"/>) as Sixgill's lines, and the
/// profile is reloaded (<c>apparmor_parser -r</c>). Where the kernel does not confine named (no
/// AppArmor, or its profile not loaded) there is nothing to do: the probe says so and nothing is
/// written.
/// </summary>
internal sealed record EnsureAppArmorRules(string LocalProfile, string Profile, ImmutableArray<string> Rules) : Step
{
    private EnsureLines Lines => new(LocalProfile, Rules);

    public override string Id => $"apparmor:{LocalProfile}";

    public override string Description => $"AppArmor rules for Sixgill's named in {LocalProfile}";

    public override ProbeResult Probe(StepContext context) =>
        ConfinesNamed(context) ? Lines.Probe(context) : new ProbeResult(ProbeState.Present, "AppArmor does not confine named here: nothing to add");

    public override Undo PrepareUndo(StepContext context) => new ReloadProfileAfter(Expect<RevertLineEdit>(Lines.PrepareUndo(context)), Profile);

    public override void Apply(StepContext context, Undo undo)
    {
        var reload = Expect<ReloadProfileAfter>(undo);
        Lines.Apply(context, reload.Lines);
        ReloadProfileAfter.Reload(context, Profile);
    }

    public override Undo? FindUndo(StepContext context) =>
        Lines.FindUndo(context) is RevertLineEdit lines ? new ReloadProfileAfter(lines, Profile) : null;

    internal static bool ConfinesNamed(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var profiles = context.Files.Read(Dns64AppArmor.LoadedProfiles);
        return Dns64AppArmor.ConfinesNamed(profiles is null ? null : Text.FileText.Decode(profiles));
    }
}

/// <summary>Takes Sixgill's lines out of the local profile, then reloads the profile so the kernel forgets them too.</summary>
internal sealed record ReloadProfileAfter(RevertLineEdit Lines, string Profile) : Undo
{
    public override string Describe() => $"{Lines.Describe()}, then reload {Profile}";

    public override UndoOutcome Revert(StepContext context)
    {
        var outcome = Lines.Revert(context);
        if (outcome.Status == UndoStatus.NothingToDo || !EnsureAppArmorRules.ConfinesNamed(context))
        {
            return outcome;
        }

        Reload(context, Profile);
        return outcome with { Detail = $"{outcome.Detail}; reloaded {Profile}".TrimStart(';', ' ') };
    }

    internal static void Reload(StepContext context, string profile)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reload = context.RequireServices().Programs.Run(["apparmor_parser", "-r", profile]);
        if (!reload.Succeeded)
        {
            throw new InvalidOperationException($"apparmor_parser -r {profile} failed (exit {reload.ExitCode}): {(reload.StandardError + reload.StandardOutput).Trim()}");
        }
    }
}
