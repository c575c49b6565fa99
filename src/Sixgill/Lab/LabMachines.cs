namespace Sixgill.Lab;

/// <summary>
/// How the nodes of a systemd lab boot: the Debian root under every node's own disk, and the
/// machine's directories bound into each node at the same path (the sixgill program and its
/// runtime, read-only; the lab's shared directory). Recorded in the lab's state, so a reboot binds
/// the same again.
/// </summary>
/// <param name="Root">The cached root (<see cref="SystemdRoot"/>), the lower layer of every node's disk.</param>
/// <param name="ReadOnlyBinds">Directories of the machine every node sees, read-only, at the same path.</param>
/// <param name="Binds">Directories of the machine every node sees and may write, at the same path.</param>
internal sealed record LabMachines(string Root, IReadOnlyList<string> ReadOnlyBinds, IReadOnlyList<string> Binds)
{
    /// <summary>
    /// What a node needs to run this very sixgill: its directory, and the .NET runtime when the
    /// program is not a native binary; plus <paramref name="more"/> (e.g. a test's stand-in programs).
    /// </summary>
    public static LabMachines For(string root, IReadOnlyList<string> program, LabNames names, IEnumerable<string>? more = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(names);
        var readOnly = new List<string>();
        foreach (var path in program)
        {
            if (Path.GetDirectoryName(path) is { Length: > 1 } directory)
            {
                readOnly.Add(directory);
            }
        }

        // A framework-dependent build (an apphost beside sixgill.dll) loads the runtime from its install directory.
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "sixgill.dll")) && DotnetRoot() is { } dotnet)
        {
            readOnly.Add(dotnet);
        }

        readOnly.AddRange(more ?? []);
        return new LabMachines(root, [.. readOnly.Distinct(StringComparer.Ordinal)], [names.SharedDirectory]);
    }

    /// <summary>Where the .NET runtime is installed: <c>DOTNET_ROOT</c>, else where the <c>dotnet</c> on PATH really is.</summary>
    private static string? DotnetRoot()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && Directory.Exists(root))
        {
            return root;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var dotnet = new FileInfo(Path.Combine(directory, "dotnet"));
            if (dotnet.Exists)
            {
                var target = dotnet.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dotnet.FullName;
                return Path.GetDirectoryName(target);
            }
        }

        return null;
    }
}
