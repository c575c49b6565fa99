using System.Text;
using Sixgill.Machine;

namespace Sixgill.Host.Network;

/// <summary>Reads and writes <c>/proc/sys/net/…</c> directly: no sysctl(8) process per value.</summary>
internal sealed class ProcSysctl : ISysctl
{
    public string Read(SysctlKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            // The bytes, not ReadAllText: a value is a few ASCII bytes, and a StreamReader's buffers
            // (over 10 KiB a read) were fresh heap pages to clear for each of them.
            return Encoding.UTF8.GetString(File.ReadAllBytes(Checked(key))).TrimEnd('\n');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PreconditionFailedException($"sysctl {key} does not exist on this kernel");
        }
    }

    public void Write(SysctlKey key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{value}' is not a single-line sysctl value", nameof(value));
        }

        // FileMode.Open: a missing key is an error, never a file created under /proc.
        using var stream = new FileStream(Checked(key), FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(Encoding.ASCII.GetBytes(value + "\n"));
    }

    // Second line of defence: whatever built the key, the path must stay inside /proc/sys/net.
    private static string Checked(SysctlKey key)
    {
        var path = key.ProcPath;
        return Path.GetFullPath(path).StartsWith("/proc/sys/net/", StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException($"sysctl {key} leaves /proc/sys/net");
    }
}
