using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Cli;

/// <summary>What the <c>lab</c> commands use of this machine; the CLI's in-process tests give fakes.</summary>
/// <param name="Runner">Runs every program of the lab (ip, nsenter, the daemons).</param>
/// <param name="IsRoot">Whether this process may change the machine's namespaces and mounts.</param>
/// <param name="IsInstalled">Whether a program is installed, for the preflight.</param>
internal sealed record LabAdapters(IProcessRunner Runner, bool IsRoot, Func<string, bool> IsInstalled)
{
    /// <summary>This machine.</summary>
    public static LabAdapters Local => new(new ProcessRunner(), Environment.IsPrivilegedProcess, ProgramSearch.IsInstalled);
}
