using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>Runs a host adapter's commands in a lab node with the real runner, recording each (program by its name).</summary>
internal sealed class RecordingNodeRunner(LabNode node) : IProcessRunner
{
    private readonly List<string> commands = [];

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (commands)
            {
                return [.. commands];
            }
        }
    }

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (commands)
        {
            commands.Add(string.Join(' ', [Path.GetFileName(request.Command[0]), .. request.Command.Skip(1)]));
        }

        return node.RunAsync(request, cancellationToken);
    }
}
