using System.CommandLine;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill lab</c>: a virtual lab of network-namespace nodes on this machine (docs/lab.md).</summary>
internal static class LabCommand
{
    public static Command Create(GlobalOptions options)
    {
        var lab = new Command("lab", "a virtual lab on this machine: up | down | list | status | logs | exec | demo | reboot | root")
        {
            LabUpCommand.Create(options),
            LabDownCommand.Create(options),
            LabListCommand.Create(options),
            LabStatusCommand.Create(options),
            LabLogsCommand.Create(options),
            LabExecCommand.Create(options),
            LabDemoCommand.Create(options),
            LabRebootCommand.Create(options),
            LabRootCommand.Create(options),
        };
        return lab;
    }
}
