namespace Sixgill.Machine;

/// <summary>
/// A required program is not installed (or not on PATH). Separate from a failed run because the
/// fix differs: install a package, not change the config.
/// </summary>
internal sealed class ProgramNotFoundException : Exception
{
    public ProgramNotFoundException(string program, Exception inner)
        : base($"cannot run '{program}': {inner.Message} (is it installed and on PATH?)", inner)
    {
        Program = program;
    }

    public string Program { get; }
}
