using System.Collections.Immutable;
using Sixgill.Facts;
using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// A directory with this owner, group and mode: a daemon's working or pid directory
/// (<c>/var/lib/sixgill/dns64</c> is <c>bind:bind 0750</c>, since named writes there after dropping
/// root). Missing parents are made too (root's, 0755) and go again at undo if empty.
/// </summary>
/// <param name="HoldsDaemonFiles">The directory is a daemon's own (its working files, its pid file):
/// undo deletes the files directly in it along with it. Otherwise undo only removes it when empty.</param>
internal sealed record EnsureDirectory(string Path, UnixFileMode Mode, string Owner, string Group, bool HoldsDaemonFiles) : Step
{
    private const UnixFileMode ParentMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public override string Id => $"directory:{Path}";

    public override string Description => $"directory {Path} ({Owner}:{Group} {FileModes.Octal(Mode)})";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (uid, gid) = SystemAccounts.Resolve(context.Files, Owner, Group);
        if (Existing(context) is not { } facts)
        {
            return ProbeResult.Absent();
        }

        return facts.Uid == uid && facts.Gid == gid && facts.Mode == Mode
            ? ProbeResult.Present
            : ProbeResult.Different($"now uid {facts.Uid}, gid {facts.Gid}, mode {FileModes.Octal(facts.Mode)}");
    }

    public override Undo PrepareUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Existing(context) is { } facts)
        {
            return new RemoveDirectory(Path, [], new DirectoryOwnership(facts.Mode, facts.Uid, facts.Gid), WithFiles: false);
        }

        var missing = new List<string>();
        for (var directory = Path; !string.IsNullOrEmpty(directory) && !context.Files.DirectoryExists(directory); directory = System.IO.Path.GetDirectoryName(directory))
        {
            missing.Insert(0, directory);
        }

        return new RemoveDirectory(Path, [.. missing], null, HoldsDaemonFiles);
    }

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remove = Expect<RemoveDirectory>(undo);
        var (uid, gid) = SystemAccounts.Resolve(context.Files, Owner, Group);
        foreach (var directory in remove.Created)
        {
            if (!context.Files.DirectoryExists(directory))
            {
                context.Files.CreateDirectory(directory, directory == Path ? Mode : ParentMode);
            }
        }

        context.Files.SetOwner(Path, uid, gid);
        context.Files.SetMode(Path, Mode); // after the owner: chown may clear set-id bits
    }

    // Without a journal: the path is Sixgill's own, so a directory there is taken to be Sixgill's, and
    // so are its parents named sixgill (/etc/sixgill, /run/sixgill) — each deleted only if empty.
    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Files.DirectoryExists(Path))
        {
            return null;
        }

        var parents = new List<string>();
        for (var directory = System.IO.Path.GetDirectoryName(Path); !string.IsNullOrEmpty(directory); directory = System.IO.Path.GetDirectoryName(directory))
        {
            if (System.IO.Path.GetFileName(directory) == "sixgill")
            {
                parents.Insert(0, directory);
            }
        }

        return new RemoveDirectory(Path, [.. parents, Path], null, HoldsDaemonFiles);
    }

    private FileFacts? Existing(StepContext context)
    {
        if (context.Files.DirectoryExists(Path))
        {
            return context.Files.Stat(Path);
        }

        return context.Files.Stat(Path) is null
            ? null
            : throw new PreconditionFailedException($"{Path} exists and is not a directory; Sixgill needs a directory there (move it away)");
    }
}

/// <summary>Owner, group and mode of a directory before Sixgill changed them.</summary>
internal sealed record DirectoryOwnership(UnixFileMode Mode, uint Uid, uint Gid);

/// <summary>
/// Deletes the directories Sixgill created (innermost first, each only if empty — or, for a
/// daemon's own directory, with the files directly in it); or puts back the owner and mode of a
/// directory that was there before.
/// </summary>
/// <param name="Created">Outermost first; the last is the directory itself.</param>
internal sealed record RemoveDirectory(string Path, ImmutableArray<string> Created, DirectoryOwnership? Previous, bool WithFiles) : Undo
{
    public override string Describe() =>
        Previous is { } p ? $"give {Path} back uid {p.Uid}, gid {p.Gid}, mode {FileModes.Octal(p.Mode)}"
        : WithFiles ? $"delete {Path} with its files" : $"delete {Path}";

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.Files;
        if (Previous is { } previous)
        {
            if (!files.DirectoryExists(Path))
            {
                return UndoOutcome.NothingToDo($"{Path} is gone");
            }

            files.SetOwner(Path, previous.Uid, previous.Gid);
            files.SetMode(Path, previous.Mode);
            return UndoOutcome.Reverted($"{Path} back to uid {previous.Uid}, gid {previous.Gid}, mode {FileModes.Octal(previous.Mode)}");
        }

        var deleted = new List<string>();
        var kept = new List<string>();
        foreach (var directory in Created.Reverse())
        {
            if (!files.DirectoryExists(directory))
            {
                continue;
            }

            var gone = WithFiles && directory == Path ? files.DeleteDirectoryWithFiles(directory) : files.DeleteDirectoryIfEmpty(directory);
            (gone ? deleted : kept).Add(directory);
        }

        if (kept.Contains(Path))
        {
            return UndoOutcome.LeftAlone($"{Path} holds what Sixgill did not put there; left as it is");
        }

        return deleted.Count == 0 ? UndoOutcome.NothingToDo($"{Path} is gone") : UndoOutcome.Reverted($"deleted {string.Join(", ", deleted)}");
    }
}
