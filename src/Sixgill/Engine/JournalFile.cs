using System.Text.Json;
using Sixgill.Machine;

namespace Sixgill.Engine;

/// <summary>
/// The journal as <c>&lt;state-dir&gt;/journal.json</c>, written through <see cref="IFiles.Write"/>
/// (temp file, fsync, rename, fsync of the directory): it is either the old or the new journal,
/// never half of one.
/// </summary>
internal sealed class JournalFile(IFiles files, string path) : IJournalStore
{
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public string Path { get; } = path;

    public string Location => Path;

    public JournalDocument? Load()
    {
        if (files.DirectoryExists(Path))
        {
            throw new JournalRefusedException($"the journal {Path} is a directory, not a file; Sixgill will not guess what to undo", JournalRefusedException.MoveAside(Path));
        }

        var bytes = files.Read(Path);
        if (bytes is null)
        {
            return null;
        }

        JournalDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(bytes, JournalJson.Default.JournalDocument);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new JournalRefusedException($"the journal {Path} cannot be read ({e.Message}); Sixgill will not guess what to undo", "repair it, or " + JournalRefusedException.MoveAside(Path), e);
        }

        if (document is null)
        {
            throw new JournalRefusedException($"the journal {Path} holds 'null', not a journal; Sixgill will not guess what to undo", JournalRefusedException.MoveAside(Path));
        }

        if (document.Version > JournalDocument.CurrentVersion)
        {
            throw new JournalRefusedException($"the journal {Path} was written by a newer Sixgill (journal version {document.Version}; this one reads up to {JournalDocument.CurrentVersion})", "undo with the Sixgill that wrote it");
        }

        if (document.Version < 1 || document.Entries.IsDefault)
        {
            throw new JournalRefusedException($"the journal {Path} is not a journal Sixgill wrote (version {document.Version}{(document.Entries.IsDefault ? ", no entries list" : "")})", JournalRefusedException.MoveAside(Path));
        }

        return document;
    }

    public void Save(JournalDocument document)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory) && !files.DirectoryExists(directory))
        {
            files.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        files.Write(Path, JsonSerializer.SerializeToUtf8Bytes(document, JournalJson.Default.JournalDocument), Mode);
    }
}
