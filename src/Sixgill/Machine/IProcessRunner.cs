namespace Sixgill.Machine;

/// <summary>
/// Runs one program to completion. The one door through which Sixgill's code starts programs,
/// so tests can put a recording fake in its place.
/// </summary>
internal interface IProcessRunner
{
    /// <summary>
    /// Runs the program and returns its exit code and output; a non-zero exit is a result, not
    /// an error. Throws <see cref="ProgramNotFoundException"/> when it cannot start,
    /// <see cref="ProcessTimeoutException"/> when it overran its timeout (it is killed), and
    /// <see cref="OperationCanceledException"/> when cancelled (it is killed).
    /// </summary>
    Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a long-running program (a daemon kept in the foreground) and returns at once; the
    /// caller ends it with <see cref="IRunningProcess.StopAsync"/> or by disposing it. Fakes that
    /// never start daemons need not implement it.
    /// </summary>
    IRunningProcess Start(ProcessRequest request) => throw new NotSupportedException($"{GetType().Name} cannot start long-running programs");
}

internal static class ProcessRunnerExtensions
{
    public static Task<ProcessResult> RunAsync(this IProcessRunner runner, IReadOnlyList<string> command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return runner.RunAsync(new ProcessRequest(command), cancellationToken);
    }

    /// <summary>Runs the program and throws <see cref="ProcessFailedException"/> unless it exits 0.</summary>
    public static async Task<ProcessResult> RunCheckedAsync(this IProcessRunner runner, IReadOnlyList<string> command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var result = await runner.RunAsync(new ProcessRequest(command), cancellationToken);
        return result.EnsureSuccess();
    }
}
