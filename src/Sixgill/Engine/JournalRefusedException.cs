using Sixgill.Machine;

namespace Sixgill.Engine;

/// <summary>
/// The journal cannot be believed or read — another node's, <c>null</c>, a directory, not JSON — and
/// Sixgill will not guess what to undo: exit 3 with <see cref="Fix"/>, nothing changed.
/// </summary>
internal sealed class JournalRefusedException : PreconditionFailedException
{
    public JournalRefusedException(string message, string fix)
        : base(message)
    {
        Fix = fix;
    }

    public JournalRefusedException(string message, string fix, Exception inner)
        : base(message, inner)
    {
        Fix = fix;
    }

    public string Fix { get; }

    /// <summary>The usual way out: move the journal aside, and clean then undoes what the probes find.</summary>
    public static string MoveAside(string path) =>
        $"move it aside (mv {path} {path}.bad) and run 'sudo sixgill clean' again: without a journal it undoes what the probes find";
}
