using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>A copy of a file that exists on the node, or will by the time this step runs (the CA <c>init</c> made).</summary>
internal sealed record CopyFile(string Source, string Target, UnixFileMode Mode, FileOwner? Owner = null) : FileFromSource(Source, Target, Mode, Owner)
{
    public override string Id => $"copy:{Target}";

    public override string Description =>
        $"copy {Source} to {Target} ({FileModes.Octal(Mode)}{(Owner is null ? "" : ", owner " + Owner)})";

    protected override byte[] Content(byte[] source, byte[]? target) => source;
}
