using System.ComponentModel;
using System.Diagnostics;
using Sixgill.Machine;

namespace Sixgill.Host.Processes;

/// <summary>
/// Runs a program on this process's own stdin, stdout and stderr — a shell started in a lab node
/// (<c>lab exec gw -- bash</c>) works as on a terminal — and returns its exit code unchanged.
/// </summary>
internal static class AttachedProcess
{
    public static async Task<int> RunAsync(IReadOnlyList<string> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var info = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ProgramNotFoundException(command[0], e);
        }

        // Ctrl-C reaches the program itself (same process group); it decides how to end.
        await process.WaitForExitAsync(CancellationToken.None);
        return process.ExitCode;
    }
}
