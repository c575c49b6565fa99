namespace Sixgill.Values;

/// <summary>One <c>/etc/hosts</c> line that prepare ensures: <c>&lt;management address&gt; &lt;name&gt;</c>.</summary>
internal sealed record HostsEntry(Ip Address, string Name)
{
    /// <summary>The line as written, without Sixgill's <c># sixgill</c> marker (the hosts step adds that).</summary>
    public override string ToString() => $"{Address} {Name}";
}
