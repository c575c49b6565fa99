using System.CommandLine;
using Sixgill.Fleet;
using Sixgill.Lab;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill lab up</c>: builds the lab of the config (default: the built-in examples/lab.yaml) and
/// leaves it up — nodes, switch, the IPv4-only internet with its DNS and web servers — for
/// <c>lab exec</c>, <c>lab status</c> and finally <c>lab down</c>.
/// </summary>
internal static class LabUpCommand
{
    public static Command Create(GlobalOptions options, LabAdapters machine)
    {
        var name = LabPreconditions.NameOption();
        var runtime = LabPreconditions.RuntimeOption();
        var kind = LabPreconditions.KindOption();
        var command = new Command("up", "build the lab (default config: the built-in examples/lab.yaml) and leave it up") { name, runtime, kind };
        command.SetAction((result, cancellationToken) =>
        {
            var invocation = Invocation.From(result, options);
            var lab = LabPreconditions.Name(result.GetValue(name));
            var definition = LabPreconditions.Definition(result, options, invocation, lab, result.GetValue(runtime), result.GetValue(kind));
            return RunAsync(invocation, machine, definition, cancellationToken);
        });
        return command;
    }

    public static Task<int> RunAsync(Invocation invocation, LabAdapters machine, LabDefinition definition, CancellationToken cancellationToken) => LabPreconditions.GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(definition);
        LabPreconditions.RequireRoot(machine, "up");
        LabPreconditions.RequirePrograms(LabPrograms.Up(definition.Spec.WithInternet, definition.DockerGateway, definition.Kind == LabNodeKind.Systemd, definition.Spec.WithAccess), machine.IsInstalled);
        var runner = machine.Runner;
        var lab = await RunningLab.UpAsync(definition, owner: null, runner, cancellationToken, invocation.Error, ProgressLine.For(invocation));
        if (lab.Leftovers is { FoundAnything: true })
        {
            invocation.Error.WriteLine($"sixgill: removed what an earlier run of lab '{definition.Name}' had left");
        }

        var status = await new LabStatusReader(runner).ReadAsync(definition.Name, cancellationToken);
        if (invocation.Json)
        {
            invocation.Out.Write(status.ToJson());
        }
        else
        {
            status.WriteText(invocation.Out);
            var nameArgument = RunningLab.NameArgument(definition.Name);
            var node = definition.Spec.Nodes[^1].Name;
            invocation.Out.WriteLine();
            invocation.Out.WriteLine("next:");
            invocation.Out.WriteLine($"  sudo sixgill lab exec{nameArgument} {node} -- ip -6 address      # any command inside a node");
            invocation.Out.WriteLine($"  sudo sixgill lab exec{nameArgument} {node} -- {string.Join(' ', SixgillProgram.Current())} prepare -c {definition.Names.NodeConfig}");
            invocation.Out.WriteLine($"  sudo sixgill lab down{nameArgument}");
        }

        return ExitCodes.Done;
    });
}
