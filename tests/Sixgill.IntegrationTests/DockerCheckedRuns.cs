using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

internal static class DockerCheckedRuns
{
    /// <summary>Awaits a run and throws, naming the command and its stderr, unless it exited 0.</summary>
    public static async Task<ProcessResult> Checked(this Task<ProcessResult> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return (await run).EnsureSuccess();
    }
}
