using System.CommandLine;
using Sixgill.Host.Processes;
using Sixgill.Lab;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill lab status</c>: the lab's nodes, namespaces, addresses, processes and daemons, as a
/// table or (<c>--output json</c>) one document. Exit 0 when the lab is up, 3 when it is not.
/// </summary>
internal static class LabStatusCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = LabPreconditions.NameOption();
        var command = new Command("status", "the lab's nodes, namespaces, addresses and running services") { name };
        command.SetAction((result, cancellationToken) =>
            RunAsync(Invocation.From(result, options), LabPreconditions.Name(result.GetValue(name)), cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(Invocation invocation, string lab, CancellationToken cancellationToken) => LabPreconditions.GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(invocation);
        LabPreconditions.RequireRoot("status");
        LabPreconditions.RequirePrograms(LabPrograms.Use);
        var status = await new LabStatusReader(new ProcessRunner()).ReadAsync(lab, cancellationToken);
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
}
