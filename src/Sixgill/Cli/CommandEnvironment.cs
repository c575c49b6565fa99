using Sixgill.Cli.Change;
using Sixgill.Engine;
using Sixgill.Host.Processes;

namespace Sixgill.Cli;

/// <summary>
/// How the commands reach the machine: the one seam between the command line and the adapters.
/// <see cref="Local"/> is this machine through the real adapters (every program run of a change
/// traced with <c>-vv</c>, the test hooks of the environment), made here and nowhere else; the CLI's
/// in-process tests give fakes instead. Commands that only read a config (validate, explain, schema)
/// need none of it.
/// </summary>
/// <param name="Connect">The node a change command (prepare, clean, up, down, init, reapply, plan) reads and changes; its argument traces each program run (null without <c>-vv</c>).</param>
/// <param name="Hooks">The fault-injection hooks of the change commands.</param>
internal sealed record CommandEnvironment(Func<Action<string>?, IChangeNode> Connect, Func<TestHooks> Hooks)
{
    /// <summary>Where SIGINT and SIGTERM arrive while a change runs (Program registers the handlers).</summary>
    public StopRequest Stop { get; init; } = new();

    /// <summary>What the <c>lab</c> commands run programs with and check (root, installed programs).</summary>
    public LabAdapters Lab { get; init; } = LabAdapters.Local;

    /// <summary>The Docker Engine <c>images build</c> talks to, and what runs its debootstrap.</summary>
    public ImageAdapters Images { get; init; } = ImageAdapters.Local;

    public static CommandEnvironment Local { get; } = new(
        trace => new LocalChangeNode(trace is null ? new ProcessRunner() : new TracingProcessRunner(new ProcessRunner(), trace)),
        TestHooks.FromEnvironment);
}
