using Sixgill.Addressing;

namespace Sixgill.Steps.Text;

/// <summary>A name that <c>/etc/hosts</c> must map to an address (one of a node's management addresses).</summary>
internal sealed record HostsMapping(Ip Address, string Name)
{
    public override string ToString() => $"{Address} {Name}";
}
