using Sixgill.Host.Interop;

namespace Sixgill.Lab;

/// <summary>
/// A change to the machine's files that a lab makes from inside this process instead of with a
/// <c>mkdir</c>, <c>chown</c>, <c>chmod</c>, <c>touch</c> or <c>mount</c> process; the
/// <see cref="LabSetupCommand"/> that carries it keeps the equivalent command. Every path it
/// changes is inside the lab's work directory (<see cref="Targets"/>; checked before anything is done).
/// </summary>
internal abstract record LabFileChange
{
    /// <summary>The paths the change writes to.</summary>
    public abstract IReadOnlyList<string> Targets { get; }

    /// <summary>Makes the change; throws <see cref="IOException"/> saying what failed.</summary>
    public abstract void Apply();

    /// <summary>Makes <paramref name="change"/>, after checking every path it changes is the lab's.</summary>
    public static void Apply(LabFileChange change, LabNames names)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(names);
        foreach (var target in change.Targets)
        {
            if (!names.OwnsPath(target) || target.Contains("/../", StringComparison.Ordinal) || target.EndsWith("/..", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"lab '{names.Lab}' changes only files in {names.WorkDirectory}, not '{target}'");
            }
        }

        change.Apply();
    }
}

/// <summary><c>mkdir -p PATH…</c>.</summary>
internal sealed record MakeDirectories(IReadOnlyList<string> Paths) : LabFileChange
{
    public override IReadOnlyList<string> Targets => Paths;

    public override void Apply()
    {
        foreach (var path in Paths)
        {
            Directory.CreateDirectory(path);
        }
    }
}

/// <summary><c>chown --reference=REF PATH</c> and <c>chmod --reference=REF PATH</c>: owner, group and mode of another file.</summary>
internal sealed record CopyOwnerAndMode(string Reference, string Path) : LabFileChange
{
    public override IReadOnlyList<string> Targets => [Path];

    public override void Apply()
    {
        if (LibC.Statx(LibC.CurrentDirectory, Reference, 0, LibC.BasicStats, out var facts) != 0)
        {
            throw LibC.Error("statx", Reference);
        }

        if (LibC.Lchown(Path, facts.Uid, facts.Gid) != 0)
        {
            throw LibC.Error("chown", Path);
        }

        // After chown, which clears set-id bits.
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("a lab needs Linux");
        }

        File.SetUnixFileMode(Path, (UnixFileMode)(facts.Mode & 0xfff));
    }
}

/// <summary><c>touch PATH…</c> for files that are to be made: empty files, created if missing.</summary>
internal sealed record CreateFiles(IReadOnlyList<string> Paths) : LabFileChange
{
    public override IReadOnlyList<string> Targets => Paths;

    public override void Apply()
    {
        foreach (var path in Paths)
        {
            using var _ = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write);
        }
    }
}

/// <summary><c>mount --bind PATH PATH</c> then <c>mount --make-private PATH</c>: a private mount of its own.</summary>
internal sealed record BindPrivately(string Path) : LabFileChange
{
    private const ulong Private = 0x40000; // MS_PRIVATE

    public override IReadOnlyList<string> Targets => [Path];

    public override void Apply()
    {
        if (LibC.Mount(Path, Path, "none", LibC.MountBind, 0) != 0)
        {
            throw LibC.Error("mount --bind", Path);
        }

        if (LibC.Mount("", Path, "none", Private, 0) != 0)
        {
            throw LibC.Error("mount --make-private", Path);
        }
    }
}
