namespace Sixgill.IntegrationTests;

/// <summary>
/// The guard every lab test passes first. These tests need root and a few programs; where they
/// are missing the test is skipped with the reason, except in CI (<c>CI=true</c>), where it
/// fails naming what is missing, so a CI run can never look green by testing nothing.
/// </summary>
public static class LabRequirements
{
    /// <summary>Programs the lab and its tests run, with the Debian package that has each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Programs = new Dictionary<string, string>
    {
        ["ip"] = "iproute2",
        ["nsenter"] = "util-linux",
        ["unshare"] = "util-linux",
        ["mount"] = "mount",
        ["umount"] = "mount",
        ["sysctl"] = "procps",
        ["kill"] = "procps",
        ["hostname"] = "hostname",
        ["ping"] = "iputils-ping",
    };

    /// <summary>What is missing on this machine, in words; empty when lab tests can run.</summary>
    public static IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        var uid = EffectiveUid();
        if (uid != 0)
        {
            missing.Add($"root (running as uid {uid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})");
        }

        foreach (var (program, package) in Programs)
        {
            if (!IsOnPath(program))
            {
                missing.Add($"program '{program}' (Debian package {package})");
            }
        }

        if (!File.Exists("/proc/self/ns/net") || !File.Exists("/proc/filesystems") || !File.ReadAllText("/proc/filesystems").Contains("overlay", StringComparison.Ordinal))
        {
            missing.Add("a kernel with network namespaces and overlayfs");
        }

        return missing;
    }

    /// <summary>Call first in every test that needs a lab: skips (or, in CI, fails) with the reason.</summary>
    public static void Require() => Guard.Require("lab tests", Missing());

    public static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .Any(path => File.Exists(path) && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    /// <summary>The effective uid from /proc (no interop): the second number of the <c>Uid:</c> line.</summary>
    private static int? EffectiveUid()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var fields = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 2 } && int.TryParse(fields[2], out var uid) ? uid : null;
    }
}
