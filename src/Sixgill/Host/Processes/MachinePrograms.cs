using Sixgill.Machine;

namespace Sixgill.Host.Processes;

/// <summary>
/// <see cref="IPrograms"/> on this machine: <see cref="ProgramSearch"/> finds them, the process
/// runner runs them. A program is run by the path the search found, so what the preflight checked
/// is what runs, also where PATH lacks <c>/usr/sbin</c>.
/// </summary>
internal sealed class MachinePrograms(IProcessRunner runner) : IPrograms
{
    // The one-shot tools answer in well under a second; named's parent waits until the server is up.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string? Find(string program) => ProgramSearch.Find(program);

    public ProcessResult Run(IReadOnlyList<string> command, string? standardInput = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfZero(command.Count);
        var program = Find(command[0]) ?? command[0]; // not found: the runner says so (ProgramNotFoundException)
        var request = new ProcessRequest([program, .. command.Skip(1)]) { StandardInput = standardInput, Timeout = Timeout };
        return runner.RunAsync(request).GetAwaiter().GetResult();
    }
}
