using System.CommandLine;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill lab status</c>: the lab's nodes, namespaces, addresses, processes and daemons, as a
/// table or (<c>--output json</c>) one document. Without <c>--name</c>, every lab on this machine.
/// Exit 0 when the lab (without --name: any lab) is up, 3 when it is not.
/// </summary>
internal static class LabStatusCommand
{
    public static Command Create(GlobalOptions options, LabAdapters machine)
    {
        var name = new Option<string?>("--name") { Description = "only this lab [default: every lab on this machine]", HelpName = "NAME" };
        var command = new Command("status", "the nodes, namespaces, addresses and running services of every lab (or --name)") { name };
        command.SetAction((result, cancellationToken) =>
        {
            var invocation = Invocation.From(result, options);
            var lab = result.GetValue(name);
            return lab is null ? AllAsync(invocation, machine, cancellationToken) : RunAsync(invocation, machine, LabPreconditions.Name(lab), cancellationToken);
        });
        return command;
    }

    public static Task<int> RunAsync(Invocation invocation, LabAdapters machine, string lab, CancellationToken cancellationToken) => LabPreconditions.GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(invocation);
        LabPreconditions.RequireRoot(machine, "status");
        LabPreconditions.RequirePrograms(LabPrograms.Use, machine.IsInstalled);
        var status = await new LabStatusReader(machine.Runner).ReadAsync(lab, cancellationToken);
        if (invocation.Json)
        {
            invocation.Out.Write(status.ToJson());
        }
        else
        {
            status.WriteText(invocation.Out);
        }

        return status.State == LabStatus.Up ? ExitCodes.Done : ExitCodes.Precondition;
    });

    /// <summary>Every lab on this machine, up or left over, one after the other.</summary>
    public static Task<int> AllAsync(Invocation invocation, LabAdapters machine, CancellationToken cancellationToken) => LabPreconditions.GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(invocation);
        LabPreconditions.RequireRoot(machine, "status");
        LabPreconditions.RequirePrograms(LabPrograms.Use, machine.IsInstalled);
        var statuses = await ReadAllAsync(machine.Runner, cancellationToken);
        if (invocation.Json)
        {
            invocation.Out.Write(new LabStatusList(statuses).ToJson());
        }
        else if (statuses.Count == 0)
        {
            invocation.Out.WriteLine("no lab is up ('sudo sixgill lab up' makes one)");
        }
        else
        {
            for (var i = 0; i < statuses.Count; i++)
            {
                if (i > 0)
                {
                    invocation.Out.WriteLine();
                }

                statuses[i].WriteText(invocation.Out);
            }
        }

        return statuses.Any(s => s.State == LabStatus.Up) ? ExitCodes.Done : ExitCodes.Precondition;
    });

    /// <summary>The status of every lab on this machine, by name.</summary>
    internal static async Task<IReadOnlyList<LabStatus>> ReadAllAsync(IProcessRunner runner, CancellationToken cancellationToken)
    {
        var reader = new LabStatusReader(runner);
        var statuses = new List<LabStatus>();
        foreach (var lab in LabSweeper.Labs())
        {
            statuses.Add(await reader.ReadAsync(lab, cancellationToken));
        }

        return statuses;
    }
}
