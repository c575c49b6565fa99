using System.CommandLine;
using Sixgill.Lab;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill lab list</c>: every lab on this machine — its name, whether it is up, its nodes and config.</summary>
internal static class LabListCommand
{
    public static Command Create(GlobalOptions options, LabAdapters machine)
    {
        var command = new Command("list", "every lab on this machine: name, state, nodes, config");
        command.SetAction((result, cancellationToken) => RunAsync(Invocation.From(result, options), machine, cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(Invocation invocation, LabAdapters machine, CancellationToken cancellationToken) => LabPreconditions.GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(invocation);
        LabPreconditions.RequireRoot(machine, "list");
        LabPreconditions.RequirePrograms(LabPrograms.Use, machine.IsInstalled);
        var list = new LabList([.. (await LabStatusCommand.ReadAllAsync(machine.Runner, cancellationToken)).Select(LabListEntry.From)]);
        invocation.Out.Write(invocation.Json ? list.ToJson() : Text(list));
        return ExitCodes.Done;
    });

    private static string Text(LabList list)
    {
        using var text = new StringWriter();
        list.WriteText(text);
        return text.ToString();
    }
}
