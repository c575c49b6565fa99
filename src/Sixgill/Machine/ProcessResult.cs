namespace Sixgill.Machine;

/// <summary>What a finished program returned.</summary>
internal sealed record ProcessResult(IReadOnlyList<string> Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>This result when the program succeeded; otherwise a <see cref="ProcessFailedException"/> naming it.</summary>
    public ProcessResult EnsureSuccess() => Succeeded ? this : throw new ProcessFailedException(this);
}
