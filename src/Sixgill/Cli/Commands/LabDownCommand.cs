using System.CommandLine;
using System.Globalization;
using Sixgill.Lab;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill lab down</c>: removes the lab by its name alone — its daemons by pid, every process in
/// its namespaces, its mounts, namespaces and directories — whether it is up or was left by a
/// crashed run. Nothing of the lab's name: says so, exit 0.
/// </summary>
internal static class LabDownCommand
{
    public static Command Create(GlobalOptions options, LabAdapters machine)
    {
        var name = LabPreconditions.NameOption();
        var command = new Command("down", "remove the lab: every namespace, mount, process and directory it made (also after a crash)") { name };
        command.SetAction((result, cancellationToken) =>
            RunAsync(Invocation.From(result, options), machine, LabPreconditions.Name(result.GetValue(name)), cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(Invocation invocation, LabAdapters machine, string lab, CancellationToken cancellationToken) => LabPreconditions.GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(invocation);
        LabPreconditions.RequireRoot(machine, "down");
        LabPreconditions.RequirePrograms(LabPrograms.Down, machine.IsInstalled);
        var report = await RunningLab.DownAsync(lab, machine.Runner, cancellationToken);
        foreach (var daemon in report.LeftAlone)
        {
            invocation.Error.WriteLine($"sixgill: warning: {daemon} left alone: its pid is now another program, or it did not end");
        }

        var sweep = report.Sweep;
        if (invocation.Json)
        {
            invocation.Out.Write(LabDownJson.From(report).ToJson());
        }
        else
        {
            invocation.Out.WriteLine(report.FoundAnything
            ? string.Create(CultureInfo.InvariantCulture,
                $"lab '{lab}' removed: {report.Daemons.Count} daemons, {sweep.EndedProcesses.Count} other processes, {sweep.DeletedNamespaces.Count} namespaces, {sweep.Unmounted.Count} mounts{(sweep.RemovedDirectory ? ", its directories" : "")}")
            : $"lab '{lab}' is not up: nothing to remove");
        }

        if (!report.IsClean)
        {
            throw new SixgillException(ExitCodes.ChangeFailed, $"lab '{lab}' was not removed completely: {string.Join("; ", sweep.Problems)}",
                "see what holds it (a process, a mount), then run 'sudo sixgill lab down' again");
        }

        return ExitCodes.Done;
    });
}
