namespace Sixgill.Cli;

/// <summary>
/// A failure the user can act on: the message names the cause, the hint the fix, and the exit
/// code says which kind it is. Anything else that escapes is a bug and is reported as one.
/// </summary>
internal sealed class SixgillException : Exception
{
    public SixgillException(int exitCode, string message, string? hint = null)
        : base(message)
    {
        ExitCode = exitCode;
        Hint = hint;
    }

    public SixgillException()
    {
    }

    public SixgillException(string message)
        : base(message)
    {
    }

    public SixgillException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.ChangeFailed;

    /// <summary>The config's diagnostics, when they are why (they go into the JSON error document).</summary>
    public IReadOnlyList<DiagnosticDto> Diagnostics { get; init; } = [];

    public string? Hint { get; }
}
