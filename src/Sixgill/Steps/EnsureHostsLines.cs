using System.Collections.Immutable;
using Sixgill.Steps.Text;
using Sixgill.Values;

namespace Sixgill.Steps;

/// <summary>Every node's name mapped to its management address in the hosts file (docs/steps.md).</summary>
internal sealed record EnsureHostsLines(string Path, ImmutableArray<HostsEntry> Mappings) : EditFileLines(Path)
{
    public const string DefaultPath = "/etc/hosts";

    public override string Id => $"hosts:{Path}";

    public override string Description => $"hosts lines for {string.Join(", ", Mappings.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase))} in {Path}";

    public override EditedText Edit(string text) => HostsFileEditor.Ensure(text, Mappings);
}
