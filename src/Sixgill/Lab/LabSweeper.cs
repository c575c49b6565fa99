using System.Globalization;
using System.Text.Json;
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

    /// <summary>Every network namespace <c>ip netns list</c> knows, whoever made it.</summary>
    public async Task<IReadOnlyList<string>> ListNamespacesAsync(CancellationToken cancellationToken = default)
    {
        var result = await this.runner.RunCheckedAsync(["ip", "-j", "netns", "list"], cancellationToken);
        var text = result.StandardOutput.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.EnumerateArray()
            .Select(e => e.TryGetProperty("name", out var name) ? name.GetString() : null)
            .OfType<string>()
            .ToList();
    }

    /// <summary>The labs present on this machine, live or left over.</summary>
    public async Task<IReadOnlyList<string>> ListLabsAsync(CancellationToken cancellationToken = default)
    {
        var directories = Directory.Exists(LabNames.WorkRoot)
            ? Directory.GetDirectories(LabNames.WorkRoot).Select(Path.GetFileName).OfType<string>()
            : [];
        return LabTeardown.Labs(await ListNamespacesAsync(cancellationToken), directories);
    }

    /// <summary>Whether anything of this lab is on the machine: a namespace, a mount, its work directory or the directory it shares with its nodes.</summary>
    public async Task<bool> ExistsAsync(LabNames names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        return LabTeardown.NamespacesToRemove(names, await ListNamespacesAsync(cancellationToken)).Count > 0
            || LabTeardown.MountsToRemove(names, MountTable.Read()).Count > 0
            || Directory.Exists(names.WorkDirectory)
            || Directory.Exists(names.SharedDirectory)
            || LabDocker.LeftAnything(names);
    }

    public async Task<LabSweepReport> SweepAsync(string lab, CancellationToken cancellationToken = default)
    {
        var names = new LabNames(lab);
        var problems = new List<string>();
        var namespaces = LabTeardown.NamespacesToRemove(names, await ListNamespacesAsync(cancellationToken));

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
        var unmounted = new List<string>();
        foreach (var target in LabTeardown.MountsToRemove(names, MountTable.Read()))
        {
            if (await TryAsync(["umount", target], cancellationToken) || await TryAsync(["umount", "--lazy", target], cancellationToken))
            {
                unmounted.Add(target);
            }
            else
            {
                problems.Add($"cannot unmount {target}");
            }
        }

        var deleted = new List<string>();
        foreach (var ns in namespaces)
        {
            var result = await this.runner.RunAsync(["ip", "netns", "delete", ns], cancellationToken);
            if (result.Succeeded)
            {
                deleted.Add(ns);
            }
            else
            {
                problems.Add($"cannot delete namespace {ns}: {result.StandardError.Trim()}");
            }
        }

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

    private async Task<IReadOnlyList<int>> ProcessesInAsync(IReadOnlyList<string> namespaces, CancellationToken cancellationToken)
    {
        var pids = new List<int>();
        foreach (var ns in namespaces)
        {
            var result = await this.runner.RunAsync(["ip", "netns", "pids", ns], cancellationToken);
            pids.AddRange(LabTeardown.ProcessesToEnd(result.StandardOutput, Environment.ProcessId));
        }

        return [.. pids.Distinct().Where(ProcessTable.IsAlive)];
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
