using System.Globalization;

namespace Sixgill.Lab;

/// <summary>
/// What removing a lab takes, decided from what the machine shows: only names with the lab's
/// exact prefix and mounts inside its exact work directory.
/// </summary>
internal static class LabTeardown
{
    /// <summary>
    /// The lab's mount points, last mounted first (the order of /proc/self/mounts reversed), so a
    /// mount is removed before the one it sits on; a path mounted twice appears twice.
    /// </summary>
    public static IReadOnlyList<string> MountsToRemove(LabNames names, IReadOnlyList<MountEntry> mounts)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(mounts);
        return mounts.Where(m => names.OwnsPath(m.Target)).Select(m => m.Target).Reverse().ToList();
    }

    public static IReadOnlyList<string> NamespacesToRemove(LabNames names, IEnumerable<string> present)
    {
        ArgumentNullException.ThrowIfNull(names);
        return present.Where(names.Owns).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The pids <c>ip netns pids</c> printed, without this process and PID 1, which are never in a
    /// lab namespace but must not be hit whatever a parse produced.
    /// </summary>
    public static IReadOnlyList<int> ProcessesToEnd(string ipNetnsPidsOutput, int ownPid)
    {
        ArgumentNullException.ThrowIfNull(ipNetnsPidsOutput);
        return ipNetnsPidsOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 1 && pid != ownPid)
            .Distinct()
            .ToList();
    }

    /// <summary>The lab names on this machine: from <c>sg-&lt;lab&gt;-…</c> namespaces and from the work root's directories.</summary>
    public static IReadOnlyList<string> Labs(IEnumerable<string> namespaces, IEnumerable<string> workDirectories)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        ArgumentNullException.ThrowIfNull(workDirectories);
        return namespaces.Select(LabNames.LabOfNamespace)
            .Concat(workDirectories.Select(d => LabNames.IsValidLabName(d) ? d : null))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
