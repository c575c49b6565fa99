namespace Sixgill.Machine;

/// <summary>Kernel parameters of this network namespace; only <c>net.*</c> (see <see cref="SysctlKey"/>).</summary>
internal interface ISysctl
{
    /// <summary>The current value, trimmed of its trailing newline.</summary>
    string Read(SysctlKey key);

    void Write(SysctlKey key, string value);
}
