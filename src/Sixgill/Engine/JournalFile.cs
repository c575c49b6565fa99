using System.Text.Json;
using Sixgill.Machine;

namespace Sixgill.Engine;

/// <summary>
/// The journal as <c>&lt;state-dir&gt;/journal.json</c> in the format of <see cref="JournalLog"/>.
/// A save appends the changes since the last one in one write, with one fdatasync when it is
/// durable (an intent); the file is written whole — temp file, fsync, rename, fsync of the
/// directory, so it is the old or the new journal, never half of one — when it is created, when it
/// is of an older version or ends in a torn line, and when the run ends (<see cref="Compact"/>).
/// </summary>
internal sealed class JournalFile(IFiles files, string path) : IJournalStore
{
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    // What the file says now, as far as this process knows; null: unknown, so the next save writes it whole.
    private JournalDocument? onDisk;
    private bool compact;

    public string Path { get; } = path;

    public string Location => Path;

    public JournalDocument? Load()
    {
        onDisk = null;
        if (files.DirectoryExists(Path))
        {
            throw new JournalRefusedException($"the journal {Path} is a directory, not a file; Sixgill will not guess what to undo", JournalRefusedException.MoveAside(Path));
        }

        var bytes = files.Read(Path);
        if (bytes is null)
        {
            return null;
        }

        JournalLog.Contents? contents;
        try
        {
            contents = JournalLog.Read(bytes);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new JournalRefusedException($"the journal {Path} cannot be read ({e.Message}); Sixgill will not guess what to undo", "repair it, or " + JournalRefusedException.MoveAside(Path), e);
        }

        if (contents is null)
        {
            throw new JournalRefusedException($"the journal {Path} holds 'null', not a journal; Sixgill will not guess what to undo", JournalRefusedException.MoveAside(Path));
        }

        var document = contents.Document;
        if (document.Version > JournalDocument.CurrentVersion)
        {
            throw new JournalRefusedException($"the journal {Path} was written by a newer Sixgill (journal version {document.Version}; this one reads up to {JournalDocument.CurrentVersion})", "undo with the Sixgill that wrote it");
        }

        if (document.Version < 1 || document.Entries.IsDefault)
        {
            throw new JournalRefusedException($"the journal {Path} is not a journal Sixgill wrote (version {document.Version}{(document.Entries.IsDefault ? ", no entries list" : "")})", JournalRefusedException.MoveAside(Path));
        }

        // Appending goes on only after a clean version-3 file; anything else is first written whole.
        if (document.Version == JournalDocument.CurrentVersion && !contents.Torn)
        {
            onDisk = document;
            compact = contents.Compact;
        }

        return document;
    }

    public void Save(JournalDocument document, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (onDisk is null || JournalLog.Changes(onDisk, document) is not { } changes)
        {
            WriteWhole(document);
            return;
        }

        if (changes.Count > 0)
        {
            files.Append(Path, JournalLog.Lines(changes), durable);
            onDisk = document;
            compact = false;
        }
    }

    public void Compact(JournalDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!compact || onDisk is null || JournalLog.Changes(onDisk, document) is not [])
        {
            WriteWhole(document);
        }
    }

    private void WriteWhole(JournalDocument document)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory) && !files.DirectoryExists(directory))
        {
            files.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        files.Write(Path, JournalLog.Whole(document), Mode);
        onDisk = document;
        compact = true;
    }
}
