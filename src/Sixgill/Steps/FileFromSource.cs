using System.Globalization;
using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// A file made from another file that exists on the node, or will by the time this step runs (the CA
/// <c>init</c> made, the <c>admin.conf</c> that <c>kubeadm init</c> writes), with a mode and optionally an
/// owner. The source is read when the step runs, not when it is planned; the target itself is an
/// <see cref="EnsureFile"/> of <see cref="Content"/>, so undo, backups and the journal are the same.
/// </summary>
/// <param name="Owner">The owner of the target and of the directories made for it; null keeps Sixgill's (root).</param>
internal abstract record FileFromSource(string Source, string Target, UnixFileMode Mode, FileOwner? Owner) : Step
{
    /// <summary>The target's bytes, made from the source's and from what the target holds now (null: no file).</summary>
    protected abstract byte[] Content(byte[] source, byte[]? target);

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Files.Read(Source) is not { } source)
        {
            // Made by an earlier step of the same run (kubeadm init writes admin.conf).
            return ProbeResult.Absent($"{Source} does not exist yet");
        }

        var probe = File(context, source).Probe(context);
        if (probe.State == ProbeState.Present && Owner is { } owner && context.Files.Stat(Target) is { } facts && (facts.Uid != owner.Uid || facts.Gid != owner.Gid))
        {
            return ProbeResult.Different(string.Create(CultureInfo.InvariantCulture, $"owner {facts.Uid}:{facts.Gid}"));
        }

        return probe;
    }

    public override Undo PrepareUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return File(context, ReadSource(context)).PrepareUndo(context);
    }

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        var restore = Expect<RestoreFile>(undo);
        var file = File(context, ReadSource(context));
        if (file.Body.Sha256 != restore.WrittenSha256)
        {
            throw new InvalidOperationException($"{Source} or {Target} changed while Sixgill was writing {Target}; run again");
        }

        file.Apply(context, undo);
        if (Owner is { } owner)
        {
            foreach (var directory in restore.CreatedDirectories)
            {
                context.Files.SetOwner(directory, owner.Uid, owner.Gid);
            }

            context.Files.SetOwner(Target, owner.Uid, owner.Gid);
        }
    }

    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Without the source nothing tells Sixgill's file from a person's: leave it.
        return context.Files.Read(Source) is { } source ? File(context, source).FindUndo(context) : null;
    }

    private EnsureFile File(StepContext context, byte[] source) => new(Target, new FileBody(Content(source, context.Files.Read(Target))), Mode);

    private byte[] ReadSource(StepContext context) =>
        context.Files.Read(Source) ?? throw new InvalidOperationException($"{Source} does not exist, so {Target} cannot be made from it");
}
