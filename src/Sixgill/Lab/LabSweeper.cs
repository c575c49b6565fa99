using System.Globalization;
using Sixgill.Host.Interop;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// Removes a lab by its name alone: what a crashed run left, or what a live one made. Every step
/// is tried even when an earlier one failed, and failures are reported, not hidden.
/// </summary>
internal sealed class LabSweeper
{
    /// <summary>How long processes in the lab get to end after SIGTERM before SIGKILL.</summary>
    private static readonly TimeSpan TermGrace = TimeSpan.FromSeconds(3);

    /// <summary>How often the namespaces are emptied before what is left is reported.</summary>
    private const int ProcessRounds = 5;

    private readonly IProcessRunner runner;

    public LabSweeper(IProcessRunner runner)
    {
        this.runner = runner;
    }

    /// <summary>
    /// Every network namespace <c>ip netns list</c> knows, whoever made it: the names in /run/netns,
    /// read here as ip reads them, without a process.
    /// </summary>
    public static IReadOnlyList<string> Namespaces() =>
        Directory.Exists(LabNames.NetnsDirectory)
            ? [.. Directory.EnumerateFileSystemEntries(LabNames.NetnsDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The labs present on this machine, live or left over.</summary>
    public static IReadOnlyList<string> Labs()
    {
        var directories = Directory.Exists(LabNames.WorkRoot)
            ? Directory.GetDirectories(LabNames.WorkRoot).Select(Path.GetFileName).OfType<string>()
            : [];
        return LabTeardown.Labs(Namespaces(), directories);
    }

    /// <summary>Whether anything of this lab is on the machine: a namespace, a mount, its work directory or the directory it shares with its nodes.</summary>
    public static bool Exists(LabNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return LabTeardown.NamespacesToRemove(names, Namespaces()).Count > 0
            || LabTeardown.MountsToRemove(names, MountTable.Read()).Count > 0
            || Directory.Exists(names.WorkDirectory)
            || Directory.Exists(names.SharedDirectory)
            || LabDocker.LeftAnything(names);
    }

    public async Task<LabSweepReport> SweepAsync(string lab, CancellationToken cancellationToken = default)
    {
        var names = new LabNames(lab);
        var problems = new List<string>();
        var namespaces = LabTeardown.NamespacesToRemove(names, Namespaces());

        // A systemd node's nspawn runs in the machine's namespace: powered off first (it ends its
        // node's processes itself), found by the node root on its command line.
        var ended = new List<int>();
        foreach (var nspawn in SystemdMachine.NspawnsOf(names))
        {
            if (await ProcessTable.EndAsync(nspawn, SystemdMachine.ShutdownGrace, cancellationToken))
            {
                ended.Add(nspawn);
            }
            else
            {
                problems.Add($"systemd-nspawn {nspawn.ToString(CultureInfo.InvariantCulture)} did not end");
            }
        }

        // Processes first: while one runs inside a namespace, that namespace outlives its name.
        ended.AddRange(await EndProcessesAsync(namespaces, problems, cancellationToken));

        // The gateway's dockerd (docker runtime) ended with them: its directory and cgroups go by exact name.
        await LabDocker.RemoveLeftoversAsync(names, this.runner, problems);

        // The nodes' namespace files, then the private mount that holds them. A node's mount
        // namespace (its overlays and tmpfs) ends with the last mount of its file.
        // All in one process, in order; whatever that left, one at a time (lazily if need be) to say which.
        var mounted = LabTeardown.MountsToRemove(names, MountTable.Read());
        if (mounted.Count > 0)
        {
            await TryAsync(["umount", .. mounted], cancellationToken);
        }

        foreach (var target in LabTeardown.MountsToRemove(names, MountTable.Read()))
        {
            if (!await TryAsync(["umount", target], cancellationToken) && !await TryAsync(["umount", "--lazy", target], cancellationToken))
            {
                problems.Add($"cannot unmount {target}");
            }
        }

        var unmounted = mounted.Except(LabTeardown.MountsToRemove(names, MountTable.Read())).ToList();

        // The same for the namespaces: one ip for all of them, then one per namespace it left.
        if (namespaces.Count > 0)
        {
            await this.runner.RunAsync(new ProcessRequest(["ip", "-batch", "-"]) { StandardInput = string.Concat(namespaces.Select(ns => $"netns delete {ns}\n")) }, cancellationToken);
        }

        foreach (var ns in namespaces.Intersect(Namespaces()))
        {
            var result = await this.runner.RunAsync(["ip", "netns", "delete", ns], cancellationToken);
            if (!result.Succeeded)
            {
                problems.Add($"cannot delete namespace {ns}: {result.StandardError.Trim()}");
            }
        }

        var deleted = namespaces.Except(Namespaces()).ToList();

        var removedDirectory = await RemoveWorkDirectoryAsync(names, problems, cancellationToken);
        return new LabSweepReport(lab, ended, unmounted, deleted, removedDirectory, problems);
    }

    /// <summary>
    /// Ends every process in the lab's namespaces. A process being ended may have started another
    /// meanwhile (a <c>sixgill prepare</c> orphaned by a crashed <c>lab demo</c> starts daemons), so
    /// the namespaces are looked at again until they are empty, a few rounds at most.
    /// </summary>
    private async Task<IReadOnlyList<int>> EndProcessesAsync(IReadOnlyList<string> namespaces, List<string> problems, CancellationToken cancellationToken)
    {
        var ended = new List<int>();
        for (var round = 0; round < ProcessRounds; round++)
        {
            var pids = (await ProcessesInAsync(namespaces, cancellationToken)).Except(ended).ToList();
            if (pids.Count == 0)
            {
                return ended;
            }

            await Signal("TERM", pids, cancellationToken);
            var deadline = DateTime.UtcNow + TermGrace;
            while (pids.Any(ProcessTable.IsAlive) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }

            var stubborn = pids.Where(ProcessTable.IsAlive).ToList();
            if (stubborn.Count > 0)
            {
                await Signal("KILL", stubborn, cancellationToken);
                await Task.Delay(200, cancellationToken);
            }

            ended.AddRange(pids);
        }

        var left = await ProcessesInAsync(namespaces, cancellationToken);
        problems.AddRange(left.Select(pid => $"process {pid.ToString(CultureInfo.InvariantCulture)} did not end"));
        return ended;
    }

    private static Task<IReadOnlyList<int>> ProcessesInAsync(IReadOnlyList<string> namespaces, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return Task.FromResult(ProcessesIn(namespaces));
    }

    /// <summary>
    /// The processes in any of <paramref name="namespaces"/> (not this one, nor pid 1): what
    /// <c>ip netns pids</c> prints for each, read the way it reads it — the inode of every
    /// <c>/proc/PID/ns/net</c> against the namespace files' — without a process per namespace.
    /// </summary>
    internal static IReadOnlyList<int> ProcessesIn(IReadOnlyList<string> namespaces)
    {
        var inodes = new HashSet<ulong>();
        foreach (var ns in namespaces)
        {
            if (LibC.Statx(LibC.CurrentDirectory, LabNames.NetnsPath(ns), 0, LibC.BasicStats, out var facts) == 0)
            {
                inodes.Add(facts.Inode);
            }
        }

        var found = new List<int>();
        if (inodes.Count == 0)
        {
            return found;
        }

        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(entry);
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 1 && pid != Environment.ProcessId
                && LibC.Statx(LibC.CurrentDirectory, $"/proc/{name}/ns/net", 0, LibC.BasicStats, out var facts) == 0 && inodes.Contains(facts.Inode))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    private Task<ProcessResult> Signal(string signal, IEnumerable<int> pids, CancellationToken cancellationToken) =>
        this.runner.RunAsync(["kill", "-s", signal, "--", .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))], cancellationToken);

    /// <summary>
    /// Never deletes through a mount: if anything is still mounted inside, the directory stays
    /// and the report says why. <c>--one-file-system</c> guards the same again.
    /// </summary>
    private async Task<bool> RemoveWorkDirectoryAsync(LabNames names, List<string> problems, CancellationToken cancellationToken)
    {
        var removed = false;
        var stillMounted = LabTeardown.MountsToRemove(names, MountTable.Read());
        if (stillMounted.Count > 0)
        {
            problems.Add($"{names.WorkDirectory} kept: still mounted at {string.Join(", ", stillMounted)}");
        }
        else if (Directory.Exists(names.WorkDirectory))
        {
            if (await TryAsync(["rm", "-rf", "--one-file-system", "--", names.WorkDirectory], cancellationToken))
            {
                removed = true;
            }
            else
            {
                problems.Add($"cannot remove {names.WorkDirectory}");
            }
        }

        // The directory the lab shares with its nodes under /tmp (the config they read).
        if (Directory.Exists(names.SharedDirectory))
        {
            if (await TryAsync(["rm", "-rf", "--one-file-system", "--", names.SharedDirectory], cancellationToken))
            {
                removed = true;
            }
            else
            {
                problems.Add($"cannot remove {names.SharedDirectory}");
            }
        }

        // The shared root goes too once no lab uses it; a lab being created at this moment
        // recreates it (see VirtualLab's retry).
        if (Directory.Exists(LabNames.WorkRoot))
        {
            await TryAsync(["rmdir", "--ignore-fail-on-non-empty", "--", LabNames.WorkRoot], cancellationToken);
        }

        return removed;
    }

    private async Task<bool> TryAsync(IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        (await this.runner.RunAsync(command, cancellationToken)).Succeeded;
}
