using System.Text;
using Sixgill.Kube;
using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// The cluster of <c>admin.conf</c> merged into a person's kubeconfig as the context <paramref name="Name"/>,
/// made current (<see cref="KubeconfigMerge"/>); the file is created when absent. The file it replaces is
/// kept as a backup, so <c>down</c> gives it back byte for byte. Without a journal nothing is taken
/// out: only the journal knows what the file was before.
/// </summary>
internal sealed record MergeKubeconfig(string Source, string Target, string Name, UnixFileMode Mode, FileOwner? Owner = null) : FileFromSource(Source, Target, Mode, Owner)
{
    public override string Id => $"kubeconfig:{Target}";

    public override string Description =>
        $"context {Name} from {Source} merged into {Target} ({FileModes.Octal(Mode)}{(Owner is null ? "" : ", owner " + Owner)})";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A kubeconfig Sixgill cannot read stops up before anything changed, not after kubeadm ran.
        if (context.Files.Read(Target) is { } target)
        {
            Readable(() => KubeconfigMerge.Check(Encoding.UTF8.GetString(target)));
        }

        return base.Probe(context);
    }

    public override Undo? FindUndo(StepContext context) => null;

    protected override byte[] Content(byte[] source, byte[]? target)
    {
        var merged = "";
        Readable(() => merged = KubeconfigMerge.Merge(target is null ? null : Encoding.UTF8.GetString(target), Encoding.UTF8.GetString(source), Name));
        return KubeconfigMerge.Bytes(merged);
    }

    private void Readable(Action read)
    {
        try
        {
            read();
        }
        catch (FormatException e)
        {
            throw new PreconditionFailedException($"{e.Message} ({Target}, {Source}): fix it, or move {Target} away and run up again");
        }
    }
}
