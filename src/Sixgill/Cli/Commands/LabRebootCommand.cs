using System.CommandLine;
using System.Globalization;
using Sixgill.Lab;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill lab reboot NODE|--all</c>: what a reboot does to a systemd node — powered off, a fresh
/// network namespace (links, addresses and routes gone; the disk kept), booted again — one line per
/// node with how long until its systemd said <c>running</c>.
/// </summary>
internal static class LabRebootCommand
{
    public static Command Create(GlobalOptions options, LabAdapters machine)
    {
        var name = LabPreconditions.NameOption();
        var node = new Argument<string?>("NODE") { Description = "the node to reboot", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "reboot every node, one after the other" };
        var command = new Command("reboot", "reboot a systemd node (poweroff, fresh network namespace, boot; its disk kept) and say how long it took") { name, node, all };
        command.SetAction((result, cancellationToken) =>
        {
            var invocation = Invocation.From(result, options);
            var chosen = result.GetValue(node);
            if (chosen is null == !result.GetValue(all))
            {
                throw new SixgillException(ExitCodes.BadInput, "give one node, or --all", "sudo sixgill lab reboot w1");
            }

            return RunAsync(invocation, machine, LabPreconditions.Name(result.GetValue(name)), chosen, cancellationToken);
        });
        return command;
    }

    /// <param name="node">The node; null for every node.</param>
    public static Task<int> RunAsync(Invocation invocation, LabAdapters machine, string lab, string? node, CancellationToken cancellationToken) => LabPreconditions.GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(invocation);
        LabPreconditions.RequireRoot(machine, "reboot");
        LabPreconditions.RequirePrograms([.. LabPrograms.Use, LabPrograms.Nspawn], machine.IsInstalled);
        var running = await RunningLab.AttachAsync(lab, machine.Runner, cancellationToken);
        if (running.State.Machines is null)
        {
            throw new SixgillException(ExitCodes.Precondition, $"lab '{lab}' has namespace nodes, which have no systemd to reboot",
                $"make it with systemd nodes: sudo sixgill lab up --kind systemd{RunningLab.NameArgument(lab)}");
        }

        var progress = ProgressLine.For(invocation);
        var nodes = node is null ? [.. running.Lab.Nodes.Select(n => n.Name)] : new[] { node };
        foreach (var name in nodes)
        {
            if (running.Lab.Nodes.All(n => n.Name != name))
            {
                throw new SixgillException(ExitCodes.BadInput, $"lab '{lab}' has no node '{name}'", $"give one of: {string.Join(", ", running.Lab.Nodes.Select(n => n.Name))}");
            }

            var elapsed = await progress.RunAsync($"rebooting {name}", () => running.RebootAsync(name, cancellationToken), _ => $"{name} running");
            invocation.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: running {elapsed.TotalSeconds:0.00} s after the reboot began"));
        }

        return ExitCodes.Done;
    });
}
