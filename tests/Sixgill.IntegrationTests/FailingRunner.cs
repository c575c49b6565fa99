using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// The real runner, except that the first command matching <paramref name="failWhen"/> "fails" (exit 1,
/// not run). A decorator that injects one failure into real runs, not a fake: the one fake runner of
/// the unit tests is <c>FakeProcessRunner</c>.
/// </summary>
internal sealed class FailingRunner(Func<IReadOnlyList<string>, bool> failWhen) : IProcessRunner
{
    private readonly ProcessRunner real = new();
    private int failed;

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (failWhen(request.Command) && Interlocked.Exchange(ref this.failed, 1) == 0)
        {
            return Task.FromResult(new ProcessResult(request.Command, 1, "", "failed on purpose by the test", TimeSpan.Zero));
        }

        return this.real.RunAsync(request, cancellationToken);
    }

    public IRunningProcess Start(ProcessRequest request) => this.real.Start(request);
}
