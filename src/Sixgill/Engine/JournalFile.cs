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

    public JournalDocument? Load()
    {
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
        catch (JsonException e)
        {
            throw new PreconditionFailedException($"the journal {Path} cannot be read ({e.Message}); Sixgill will not guess what to undo: repair or move it");
        }

        if (document is null || document.Version > JournalDocument.CurrentVersion)
        {
            throw new PreconditionFailedException($"the journal {Path} was written by a newer Sixgill (version {document?.Version}); use that version");
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
