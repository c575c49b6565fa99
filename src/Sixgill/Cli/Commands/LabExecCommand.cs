using System.CommandLine;
using Sixgill.Fleet;
using Sixgill.Host.Processes;
using Sixgill.Lab;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill lab exec NODE -- CMD…</c>: runs a command inside a node (its network, mounts and
/// hostname) on this terminal, and exits with the command's exit code. <c>internet</c> and
/// <c>switch</c> name the other two namespaces (network only). <c>sixgill</c> as the command is
/// this same binary.
/// </summary>
internal static class LabExecCommand
{
    public static Command Create(GlobalOptions options, LabAdapters machine)
    {
        var name = LabPreconditions.NameOption();
        var node = new Argument<string>("NODE") { Description = "a node of the lab, or 'internet' or 'switch'", HelpName = "NODE" };
        var program = new Argument<string[]>("CMD") { Description = "the command and its arguments (after --)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("exec", "run a command inside a lab node; its exit code is passed through") { name, node, program };
        command.SetAction((result, cancellationToken) =>
            RunAsync(Invocation.From(result, options), machine, LabPreconditions.Name(result.GetValue(name)), result.GetValue(node)!, result.GetValue(program)!, cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(Invocation invocation, LabAdapters machine, string lab, string node, IReadOnlyList<string> program, CancellationToken cancellationToken) => LabPreconditions.GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(invocation);
        LabPreconditions.RequireRoot(machine, "exec");
        LabPreconditions.RequirePrograms(LabPrograms.Use, machine.IsInstalled);
        var running = await RunningLab.AttachAsync(lab, machine.Runner, cancellationToken);
        var virtualLab = running.Lab;
        program = LabDocker.WithDockerHost(running.State, ThisSixgill(program));
        if (node == Lab.LabNames.AdminNode && virtualLab.Admin is not null)
        {
            // The admin node is where a person types --all: its own HOME (key, known_hosts), and
            // 'sixgill' is this same program, as the lab's nodes run it.
            program = ["env", $"HOME={running.Names.AdminHome}", .. program[0] == "sixgill" ? Sixgill.Fleet.SixgillProgram.Current() : [program[0]], .. program.Skip(1)];
        }

        IReadOnlyList<string> command = node switch
        {
            "internet" when virtualLab.Internet is { } internet => internet.Command(program),
            "switch" => virtualLab.Switch.Command(program),
            _ when virtualLab.Nodes.Append(virtualLab.Admin).FirstOrDefault(n => n?.Name == node) is { } found => found.Command(program),
            _ => throw new SixgillException(ExitCodes.BadInput, $"lab '{lab}' has no node '{node}'",
                $"give one of: {string.Join(", ", virtualLab.Nodes.Select(n => n.Name))}{(virtualLab.Internet is null ? "" : ", internet")}, switch"),
        };

        await invocation.Out.FlushAsync(cancellationToken);
        return await AttachedProcess.RunAsync(command);
    });

    /// <summary><c>sixgill …</c> in a node is this same binary, wherever it lives (it need not be on PATH).</summary>
    internal static IReadOnlyList<string> ThisSixgill(IReadOnlyList<string> program, IReadOnlyList<string>? self = null) =>
        program.Count > 0 && program[0] == "sixgill" ? [.. self ?? SixgillProgram.Current(), .. program.Skip(1)] : program;
}
