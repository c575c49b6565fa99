using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>Everything of a lab still on the machine: what "nothing left behind" is checked against.</summary>
internal static class LabLeftovers
{
    public static async Task<IReadOnlyList<string>> FindAsync(string lab)
    {
        var names = new LabNames(lab);
        var leftovers = new List<string>();
        var namespaces = LabSweeper.Namespaces();
        leftovers.AddRange(namespaces.Where(names.Owns).Select(ns => "namespace " + ns));
        leftovers.AddRange(MountTable.Read().Where(m => names.OwnsPath(m.Target) || m.Target.Contains(names.NamespacePrefix, StringComparison.Ordinal)).Select(m => "mount " + m.Target));
        if (Directory.Exists(names.WorkDirectory))
        {
            leftovers.Add("directory " + names.WorkDirectory);
        }

        return leftovers;
    }

    /// <summary>Whether a process lives (a zombie does not: it only waits to be reaped).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].TrimStart().StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
