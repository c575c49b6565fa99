using System.Globalization;
using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// A copy of a file that exists on the node, or will by the time this step runs (the CA <c>init</c>
/// made, the <c>admin.conf</c> that <c>kubeadm init</c> writes), with a mode and optionally an owner.
/// The source is read when the step runs, not when it is planned; the copy itself is an
/// <see cref="EnsureFile"/> of the source's bytes, so undo, backups and the journal are the same.
/// </summary>
/// <param name="Owner">The owner of the copy and of the directories made for it; null keeps Sixgill's (root).</param>
internal sealed record CopyFile(string Source, string Target, UnixFileMode Mode, FileOwner? Owner = null) : Step
{
    public override string Id => $"copy:{Target}";

    public override string Description =>
        $"copy {Source} to {Target} ({FileModes.Octal(Mode)}{(Owner is null ? "" : ", owner " + Owner)})";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Files.Read(Source) is not { } source)
        {
            // Made by an earlier step of the same run (kubeadm init writes admin.conf).
            return ProbeResult.Absent($"{Source} does not exist yet");
        }

        var probe = Copy(source).Probe(context);
        if (probe.State == ProbeState.Present && Owner is { } owner && context.Files.Stat(Target) is { } facts && (facts.Uid != owner.Uid || facts.Gid != owner.Gid))
        {
            return ProbeResult.Different(string.Create(CultureInfo.InvariantCulture, $"owner {facts.Uid}:{facts.Gid}"));
        }

        return probe;
    }

    public override Undo PrepareUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Copy(ReadSource(context)).PrepareUndo(context);
    }

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        var restore = Expect<RestoreFile>(undo);
        var source = ReadSource(context);
        if (ContentHash.Of(source) != restore.WrittenSha256)
        {
            throw new InvalidOperationException($"{Source} changed while Sixgill was copying it; run again");
        }

        Copy(source).Apply(context, undo);
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

        // Without the source nothing tells Sixgill's copy from a person's file: leave it.
        return context.Files.Read(Source) is { } source ? Copy(source).FindUndo(context) : null;
    }

    private EnsureFile Copy(byte[] source) => new(Target, new FileBody(source), Mode);

    private byte[] ReadSource(StepContext context) =>
        context.Files.Read(Source) ?? throw new InvalidOperationException($"{Source} does not exist, so it cannot be copied to {Target}");
}
