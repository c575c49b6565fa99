namespace Sixgill.Host;

/// <summary>
/// Runs one program by argument vector (never a shell) and waits for it: the adapters' way to call
/// iproute2 and friends, small enough to fake in tests.
/// </summary>
internal interface ICommandRunner
{
    /// <summary>Runs <paramref name="argv"/>; a non-zero exit is a result, not an exception.</summary>
    CommandOutput Run(IReadOnlyList<string> argv, string? input = null, TimeSpan? timeout = null);
}

/// <summary>What a finished program printed and returned.</summary>
internal sealed record CommandOutput(IReadOnlyList<string> Argv, int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>This output when the program exited 0; otherwise a <see cref="CommandFailedException"/>.</summary>
    public CommandOutput OrThrow() => Succeeded ? this : throw new CommandFailedException(this);
}

internal sealed class CommandFailedException(CommandOutput output)
    : Exception($"'{string.Join(' ', output.Argv)}' failed (exit {output.ExitCode}): {output.Stderr.Trim()}")
{
    public CommandOutput Output { get; } = output;
}
