using System.Collections.Immutable;
using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// A whole file with exactly this content and mode (kubeadm config, sysctl.d and resolved.conf.d
/// drop-ins). A file it replaces is first copied to the state directory's backups (0600: it may hold
/// a token) so that undo can put it back; the journal holds only hashes.
/// </summary>
internal sealed record EnsureFile(string Path, FileBody Body, UnixFileMode Mode) : Step
{
    private const UnixFileMode DirectoryMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public override string Id => $"file:{Path}";

    public override string Description => $"file {Path} ({FileModes.Octal(Mode)})";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Files.Stat(Path) is not { } facts)
        {
            return ProbeResult.Absent();
        }

        if (!Body.Matches(context.Files.Read(Path)))
        {
            return ProbeResult.Different("content differs");
        }

        return facts.Mode == Mode ? ProbeResult.Present : ProbeResult.Different($"mode {FileModes.Octal(facts.Mode)}");
    }

    public override Undo PrepareUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        PreviousFile? previous = null;
        if (context.Files.Stat(Path) is { } facts)
        {
            var hash = ContentHash.Of(context.Files.Read(Path) ?? []);
            previous = new PreviousFile(BackupPath(context, hash), hash, facts.Mode);
        }

        return new RestoreFile(Path, Body.Sha256, previous, MissingDirectories(context));
    }

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        var restore = Expect<RestoreFile>(undo);
        var files = context.Files;
        if (restore.Previous is { } previous)
        {
            var old = files.Read(Path) ?? throw new InvalidOperationException($"{Path} vanished while Sixgill was replacing it");
            if (ContentHash.Of(old) != previous.Sha256)
            {
                throw new InvalidOperationException($"{Path} changed while Sixgill was replacing it; run again");
            }

            if (!files.DirectoryExists(context.BackupDirectory))
            {
                files.CreateDirectory(context.BackupDirectory, PrivateDirectory);
            }

            files.Write(previous.Backup, old, PrivateFile);
        }

        foreach (var directory in restore.CreatedDirectories)
        {
            if (!files.DirectoryExists(directory))
            {
                files.CreateDirectory(directory, DirectoryMode);
            }
        }

        files.Write(Path, Body.Bytes, Mode);
    }

    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var content = context.Files.Read(Path);
        return content is not null && Body.Matches(content) ? new RestoreFile(Path, Body.Sha256, null, SixgillDirectories()) : null;
    }

    // Without a journal nobody knows which directories Sixgill created, except those named after it
    // (/etc/sixgill): they go too, if empty. Outermost first, as in MissingDirectories.
    private ImmutableArray<string> SixgillDirectories()
    {
        var owned = new List<string>();
        for (var directory = System.IO.Path.GetDirectoryName(Path); !string.IsNullOrEmpty(directory); directory = System.IO.Path.GetDirectoryName(directory))
        {
            if (System.IO.Path.GetFileName(directory) == "sixgill")
            {
                owned.Insert(0, directory);
            }
        }

        return [.. owned];
    }

    private string BackupPath(StepContext context, string hash) =>
        System.IO.Path.Combine(context.BackupDirectory, $"{Path.Trim('/').Replace('/', '_')}.{hash[..16]}");

    // Outermost first, so Apply can create them in order and undo remove them innermost first.
    private ImmutableArray<string> MissingDirectories(StepContext context)
    {
        var missing = new List<string>();
        for (var directory = System.IO.Path.GetDirectoryName(Path); !string.IsNullOrEmpty(directory) && !context.Files.DirectoryExists(directory); directory = System.IO.Path.GetDirectoryName(directory))
        {
            missing.Insert(0, directory);
        }

        return [.. missing];
    }
}

/// <summary>A file as it was before Sixgill replaced it: where its copy is, its hash and mode.</summary>
internal sealed record PreviousFile(string Backup, string Sha256, UnixFileMode Mode);

/// <summary>
/// Puts back the file Sixgill replaced, or deletes the one it created, but only while the file is
/// still what Sixgill wrote; then removes the directories Sixgill created, if empty.
/// </summary>
internal sealed record RestoreFile(string Path, string WrittenSha256, PreviousFile? Previous, ImmutableArray<string> CreatedDirectories) : Undo
{
    public override string Describe() => Previous is null ? $"delete {Path}" : $"restore {Path} from {Previous.Backup}";

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.Files;
        var content = files.Read(Path);
        var hash = content is null ? null : ContentHash.Of(content);
        if (hash is not null && hash != WrittenSha256)
        {
            return Previous is not null && hash == Previous.Sha256
                ? Finish(files, UndoOutcome.NothingToDo($"{Path} is already as before"))
                : UndoOutcome.LeftAlone($"{Path} changed since Sixgill wrote it; left as it is");
        }

        if (Previous is not null)
        {
            var old = files.Read(Previous.Backup) ?? throw new InvalidOperationException($"the backup {Previous.Backup} of {Path} is missing");
            if (ContentHash.Of(old) != Previous.Sha256)
            {
                throw new InvalidOperationException($"the backup {Previous.Backup} of {Path} is damaged (hash differs)");
            }

            files.Write(Path, old, Previous.Mode);
            return Finish(files, UndoOutcome.Reverted($"restored {Path}"));
        }

        return Finish(files, content is null ? UndoOutcome.NothingToDo($"{Path} is gone") : Deleted(files));
    }

    private UndoOutcome Deleted(IFiles files)
    {
        files.Delete(Path);
        return UndoOutcome.Reverted($"deleted {Path}");
    }

    // The backup and the directories go once the file is back: they were only ever Sixgill's.
    private UndoOutcome Finish(IFiles files, UndoOutcome outcome)
    {
        if (Previous is not null)
        {
            files.Delete(Previous.Backup);
        }

        foreach (var directory in CreatedDirectories.Reverse())
        {
            files.DeleteDirectoryIfEmpty(directory);
        }

        return outcome;
    }
}
