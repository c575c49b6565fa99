using System.Collections.Immutable;

namespace Sixgill.Steps;

/// <summary>
/// The CNI network config <c>up</c> writes (docs/steps.md), a whole file like <see cref="EnsureFile"/>.
/// Its undo also takes away the bridge the config's <c>bridge</c> plugin creates when the first pod
/// starts (<c>cni0</c>) — but only if there was no such link when the config was written:
/// a bridge that was there before is someone else's.
/// </summary>
/// <param name="Bridge">The bridge the plugin makes (<c>cni0</c>); null for <c>ptp</c>, which makes none that outlive the pods.</param>
internal sealed record EnsureCniConfig(string Path, FileBody Body, UnixFileMode Mode, string? Bridge) : Step
{
    public override string Id => $"cni:{Path}";

    public override string Description => $"CNI config {Path} ({FileModes.Octal(Mode)})" + (Bridge is null ? "" : $" for bridge {Bridge}");

    public override ProbeResult Probe(StepContext context) => File.Probe(context);

    public override Undo PrepareUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = (RestoreFile)File.PrepareUndo(context);
        return new RevertCniConfig(file, Bridge, BridgeExisted: Bridge is not null && context.Network.FindLink(Bridge) is not null);
    }

    public override void Apply(StepContext context, Undo undo) => File.Apply(context, Expect<RevertCniConfig>(undo).File);

    // No journal: a bridge of that name next to Sixgill's config is taken to be its plugin's.
    public override Undo? FindUndo(StepContext context) =>
        File.FindUndo(context) is RestoreFile file ? new RevertCniConfig(file, Bridge, BridgeExisted: false) : null;

    private EnsureFile File => new(Path, Body, Mode);
}

/// <summary>Restores or deletes the CNI config, then deletes the plugin's bridge unless it was there before Sixgill's config.</summary>
internal sealed record RevertCniConfig(RestoreFile File, string? Bridge, bool BridgeExisted) : Undo
{
    public override string Describe() =>
        File.Describe() + (Bridge is not null && !BridgeExisted ? $", delete link {Bridge} if its plugin made it" : "");

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = File.Revert(context);

        // A config someone changed since may still be in use with that bridge: leave both.
        if (Bridge is null || BridgeExisted || file.Status == UndoStatus.LeftAlone || context.Network.FindLink(Bridge) is null)
        {
            return file;
        }

        context.Network.DeleteLink(Bridge);
        var details = ImmutableArray.Create(file.Detail, $"deleted link {Bridge}").Where(d => d is not null);
        return UndoOutcome.Reverted(string.Join(", ", details));
    }
}
