using Sixgill.Docker;
using Sixgill.Host.Docker;
using Sixgill.Host.Processes;
using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// The test daemons' own leftovers (directory and cgroups, named after the lab), found and swept
/// like <see cref="TestLabs"/> sweeps labs: only those of this run or of runs that are gone.
/// </summary>
internal static class DockerLeftovers
{
    private static readonly Lazy<Task> Sweep = new(SweepOnceAsync);

    /// <summary>Once per run: what crashed earlier runs left (their processes died with their labs).</summary>
    public static Task SweepAsync() => Sweep.Value;

    /// <summary>What of the daemon named after <paramref name="lab"/> is still on the machine.</summary>
    public static IReadOnlyList<string> Find(string lab)
    {
        var layout = DockerDaemonLayout.Named(lab);
        var leftovers = new List<string>();
        if (Path.Exists(layout.Root))
        {
            leftovers.Add("directory " + layout.Root);
        }

        leftovers.AddRange(DockerDaemon.CgroupDirectories(layout.CgroupParent).Select(c => "cgroup " + c));
        leftovers.AddRange(MountTable.Read().Where(m => m.Target.StartsWith(layout.Root, StringComparison.Ordinal)).Select(m => "mount " + m.Target));
        leftovers.AddRange(Processes(layout.Root).Select(p => "process " + p));
        return leftovers;
    }

    /// <summary>Processes whose command line names the daemon's directory (dockerd, containerd, shims).</summary>
    public static IReadOnlyList<string> Processes(string root)
    {
        var found = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(directory);
            if (!pid.All(char.IsAsciiDigit) || !LabLeftovers.IsRunning(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture)))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(root + "/", StringComparison.Ordinal) || commandLine.Contains(root + " ", StringComparison.Ordinal))
                {
                    found.Add($"{pid} {commandLine.Trim()}");
                }
            }
            catch (IOException)
            {
                // It ended while we looked.
            }
        }

        return found;
    }

    private static async Task SweepOnceAsync()
    {
        var runner = new ProcessRunner();
        var names = Directory.EnumerateDirectories("/tmp", DockerDaemonLayout.Prefix + "*").Select(d => Path.GetFileName(d)[DockerDaemonLayout.Prefix.Length..])
            .Concat(Directory.Exists("/sys/fs/cgroup/memory")
                ? Directory.EnumerateDirectories("/sys/fs/cgroup/memory", DockerDaemonLayout.Prefix + "*").Select(d => Path.GetFileName(d)[DockerDaemonLayout.Prefix.Length..])
                : [])
            .Distinct()
            .Where(TestLabs.IsLeftover);
        foreach (var name in names)
        {
            await DockerDaemon.RemoveLeftoversAsync(DockerDaemonLayout.Named(name), runner);
        }
    }
}
