using Sixgill.Engine;
using Sixgill.Host.Processes;

namespace Sixgill.Cli.Change;

/// <summary>
/// How change commands reach their node: on a machine, this machine through the real adapters (every
/// program run traced with <c>-vv</c>) and the test hooks of the environment; in the CLI's in-process
/// tests, fakes.
/// </summary>
/// <param name="Connect">Gives the node; its argument traces each program run (null without <c>-vv</c>).</param>
internal sealed record ChangeEnvironment(Func<Action<string>?, IChangeNode> Connect, Func<TestHooks> Hooks)
{
    /// <summary>Where SIGINT and SIGTERM arrive while a change runs (Program registers the handlers).</summary>
    public StopRequest Stop { get; init; } = new();

    public static ChangeEnvironment Local { get; } = new(
        trace => new LocalChangeNode(trace is null ? new ProcessRunner() : new TracingProcessRunner(new ProcessRunner(), trace)),
        TestHooks.FromEnvironment);
}
