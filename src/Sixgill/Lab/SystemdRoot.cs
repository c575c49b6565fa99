using Sixgill.Host.Files;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// The cached Debian root that systemd lab nodes boot from (<see cref="SystemdRootRecipe"/>): built
/// once with debootstrap from the archive the machine's apt uses, then the distribution's services
/// installed with apt inside it while no service may start (a <c>policy-rc.d</c> that says no). It
/// is built beside its final name and renamed when complete, under a lock, so a crash or a second
/// lab starting at the same time never sees half a root.
/// </summary>
internal sealed class SystemdRoot(IProcessRunner runner, TextWriter progress)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(25);

    public static string Directory => SystemdRootRecipe.Directory;

    public static bool IsBuilt => File.Exists(Path.Combine(Directory, SystemdRootRecipe.DoneMarker));

    /// <summary>The root's directory, built first when it is not cached yet.</summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        if (IsBuilt)
        {
            return Directory;
        }

        using (await LockAsync(cancellationToken))
        {
            if (!IsBuilt)
            {
                await BuildAsync(cancellationToken);
            }
        }

        return Directory;
    }

    /// <summary>Builds the root again from the archive (the old one goes once the new one is complete).</summary>
    public async Task<string> RebuildAsync(CancellationToken cancellationToken)
    {
        using (await LockAsync(cancellationToken))
        {
            RefuseWhileInUse();
            await BuildAsync(cancellationToken);
        }

        return Directory;
    }

    /// <summary>Removes every cached root (this recipe's and older ones); refused while a lab node boots from one.</summary>
    /// <returns>The directories removed.</returns>
    public async Task<IReadOnlyList<string>> RemoveAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(SystemdRootRecipe.CacheDirectory))
        {
            return [];
        }

        using (await LockAsync(cancellationToken))
        {
            RefuseWhileInUse();
            var removed = new List<string>();
            foreach (var root in System.IO.Directory.GetDirectories(SystemdRootRecipe.CacheDirectory))
            {
                await RemoveTreeAsync(root, cancellationToken);
                removed.Add(root);
            }

            return removed;
        }
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        var building = Directory + ".building";
        await RemoveTreeAsync(building, cancellationToken);
        System.IO.Directory.CreateDirectory(building);
        var mirror = SystemdRootRecipe.MirrorFrom(AptSourcesLines());
        progress.WriteLine($"sixgill: building the Debian root of systemd lab nodes (once; a few minutes) from {mirror} into {Directory}");
        await RunAsync("debootstrap the base system",
            ["debootstrap", "--variant=minbase", $"--include={string.Join(',', SystemdRootRecipe.BasePackages)}", SystemdRootRecipe.Suite, building, mirror], cancellationToken);

        // systemd-resolved made resolv.conf a link to its stub, which only exists while it runs:
        // give apt inside the root the machine's resolver for the time of the build.
        var stub = Path.Combine(building, "run/systemd/resolve");
        System.IO.Directory.CreateDirectory(stub);
        File.Copy("/etc/resolv.conf", Path.Combine(stub, "stub-resolv.conf"), overwrite: true);
        var policy = Path.Combine(building, "usr/sbin/policy-rc.d");
        await File.WriteAllTextAsync(policy, "#!/bin/sh\n# sixgill: no service starts while the lab root is built\nexit 101\n", cancellationToken);
        await RunAsync("forbid service starts while building", ["chmod", "0755", policy], cancellationToken);
        await RunAsync("read the archive's package lists", ["chroot", building, "apt-get", "update", "-qq"], cancellationToken);
        await RunAsync("install the distribution's services",
            ["chroot", building, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "--no-install-recommends", .. SystemdRootRecipe.ServicePackages],
            cancellationToken);
        await RunAsync("drop the downloaded packages", ["chroot", building, "apt-get", "clean"], cancellationToken);
        File.Delete(policy);
        await RemoveTreeAsync(stub, cancellationToken);

        // Every node gets host keys of its own when it is made.
        foreach (var key in System.IO.Directory.GetFiles(Path.Combine(building, "etc/ssh"), "ssh_host_*"))
        {
            File.Delete(key);
        }

        await File.WriteAllTextAsync(Path.Combine(building, SystemdRootRecipe.DoneMarker), $"{SystemdRootRecipe.Key}\n", cancellationToken);
        var old = Directory + ".old";
        if (System.IO.Directory.Exists(Directory))
        {
            await RemoveTreeAsync(old, cancellationToken);
            System.IO.Directory.Move(Directory, old);
        }

        System.IO.Directory.Move(building, Directory);
        await RemoveTreeAsync(old, cancellationToken);
        progress.WriteLine($"sixgill: the Debian root is ready: {Directory}");
    }

    private async Task RunAsync(string purpose, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(new ProcessRequest(command) { Timeout = BuildTimeout }, cancellationToken);
        if (!result.Succeeded)
        {
            throw new LabException($"cannot build the systemd nodes' root: {purpose}: {new ProcessFailedException(result).Message}");
        }
    }

    private async Task RemoveTreeAsync(string directory, CancellationToken cancellationToken)
    {
        if (System.IO.Directory.Exists(directory))
        {
            await RunAsync($"remove {directory}", ["rm", "-rf", "--one-file-system", "--", directory], cancellationToken);
        }
    }

    /// <summary>A root that a lab node's overlay is mounted on stays: its nodes would lose their files.</summary>
    private static void RefuseWhileInUse()
    {
        var mounts = File.ReadAllText(MountTable.OwnMounts);
        if (mounts.Contains($"lowerdir={SystemdRootRecipe.CacheDirectory}/", StringComparison.Ordinal))
        {
            throw new PreconditionFailedException($"a systemd lab node boots from a root in {SystemdRootRecipe.CacheDirectory}; remove its lab first ('sudo sixgill lab down --name LAB')");
        }
    }

    private static IEnumerable<string> AptSourcesLines()
    {
        var files = new List<string> { "/etc/apt/sources.list" };
        if (System.IO.Directory.Exists("/etc/apt/sources.list.d"))
        {
            files.AddRange(System.IO.Directory.GetFiles("/etc/apt/sources.list.d").Where(f => f.EndsWith(".sources", StringComparison.Ordinal) || f.EndsWith(".list", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }

        return files.Where(File.Exists).SelectMany(File.ReadLines);
    }

    /// <summary>Waits for the build lock (another lab may be building the root right now).</summary>
    private async Task<IDisposable> LockAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(SystemdRootRecipe.CacheDirectory);
        var deadline = DateTime.UtcNow + LockWait;
        var said = false;
        while (true)
        {
            try
            {
                return new StateLock(SystemdRootRecipe.LockFile).Acquire();
            }
            catch (LockHeldException held) when (DateTime.UtcNow < deadline)
            {
                if (!said)
                {
                    progress.WriteLine($"sixgill: another sixgill{(held.HolderPid is { } pid ? $" (pid {pid})" : "")} is building the Debian root; waiting for it");
                    said = true;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
