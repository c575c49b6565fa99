using System.CommandLine;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill lab</c>: a virtual lab of network-namespace nodes on this machine (docs/lab.md).</summary>
internal static class LabCommand
{
    /// <param name="machine">What the lab commands use of this machine (fakes in the CLI's in-process tests).</param>
    public static Command Create(GlobalOptions options, LabAdapters machine)
    {
        var lab = new Command("lab", "a virtual lab on this machine: up | down | list | status | logs | exec | demo | reboot | root")
        {
            LabUpCommand.Create(options, machine),
            LabDownCommand.Create(options, machine),
            LabListCommand.Create(options, machine),
            LabStatusCommand.Create(options, machine),
            LabLogsCommand.Create(options, machine),
            LabExecCommand.Create(options, machine),
            LabDemoCommand.Create(options, machine),
            LabRebootCommand.Create(options, machine),
            LabRootCommand.Create(options, machine),
        };
        return lab;
    }
}
