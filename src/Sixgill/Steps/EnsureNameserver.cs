using Sixgill.Steps.Text;
using Sixgill.Values;

namespace Sixgill.Steps;

/// <summary>
/// The DNS64 server as first nameserver of a plain resolv.conf (docs/steps.md). Not for
/// systemd-resolved's stub symlink, which gets a resolved.conf.d drop-in instead.
/// </summary>
internal sealed record EnsureNameserver(string Path, Ip Address) : EditFileLines(Path)
{
    public const string DefaultPath = "/etc/resolv.conf";

    public override string Id => $"nameserver:{Path}";

    public override string Description => $"first nameserver {Address} in {Path}";

    public override EditedText Edit(string text) => ResolvConfEditor.EnsureFirstNameserver(text, Address);
}
