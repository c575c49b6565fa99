namespace Sixgill.Machine;

/// <summary>
/// Where long work (an image build, a daemon start, a node boot) shows what it is doing and for how
/// long. The command line's implementation draws one live line on a terminal and plain lines
/// elsewhere; <see cref="WorkProgress.None"/> shows nothing.
/// </summary>
internal interface IWorkProgress
{
    /// <summary>
    /// Runs <paramref name="work"/> while showing <paramref name="doing"/> (and the time it has been
    /// going), then the line <paramref name="done"/> makes of its result; a failure is shown and rethrown.
    /// </summary>
    Task<T> RunAsync<T>(string doing, Func<Task<T>> work, Func<T, string> done);
}

/// <summary>Helpers for <see cref="IWorkProgress"/>.</summary>
internal static class WorkProgress
{
    /// <summary>Shows nothing: the work just runs.</summary>
    public static IWorkProgress None { get; } = new Silent();

    /// <summary><see cref="IWorkProgress.RunAsync"/> for work without a result: <paramref name="done"/> is its final line.</summary>
    public static Task RunAsync(this IWorkProgress progress, string doing, Func<Task> work, string done)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(work);
        return progress.RunAsync(doing, async () =>
        {
            await work();
            return true;
        }, _ => done);
    }

    private sealed class Silent : IWorkProgress
    {
        public Task<T> RunAsync<T>(string doing, Func<Task<T>> work, Func<T, string> done)
        {
            ArgumentNullException.ThrowIfNull(work);
            return work();
        }
    }
}
