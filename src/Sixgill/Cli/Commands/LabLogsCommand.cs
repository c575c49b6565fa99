using System.CommandLine;
using Sixgill.Lab;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill lab logs NODE [DAEMON]</c>: the log of each daemon the lab runs in that node (or in
/// <c>internet</c>: its DNS and web servers; in the gateway with the docker runtime: dockerd).
/// </summary>
internal static class LabLogsCommand
{
    public static Command Create(GlobalOptions options, LabAdapters machine)
    {
        var name = LabPreconditions.NameOption();
        var node = new Argument<string>("NODE") { Description = "a node of the lab, or 'internet'", HelpName = "NODE" };
        var daemon = new Argument<string?>("DAEMON") { Description = "only this daemon's log (default: every daemon's there)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("logs", "the logs of the daemons the lab runs in a node (or 'internet')") { name, node, daemon };
        command.SetAction(result => Run(Invocation.From(result, options), machine, LabPreconditions.Name(result.GetValue(name)), result.GetValue(node)!, result.GetValue(daemon)));
        return command;
    }

    public static int Run(Invocation invocation, LabAdapters machine, string lab, string node, string? daemon)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        LabPreconditions.RequireRoot(machine, "logs");
        var names = new LabNames(lab);
        var state = LabStateFile.TryRead(names)
            ?? throw new SixgillException(ExitCodes.Precondition, $"lab '{lab}' is not up", $"'sudo sixgill lab up{RunningLab.NameArgument(lab)}' makes it; 'sudo sixgill lab list' shows the labs");
        var layout = LabLayout.Plan(state.Spec);
        List<(string Name, string Namespace)> spaces = [.. layout.Nodes.Select(n => (n.Name, n.Namespace)), ("internet", layout.Internet ?? ""), ("switch", layout.Switch)];
        var space = spaces.FirstOrDefault(s => s.Name == node && s.Namespace.Length > 0).Namespace
            ?? throw new SixgillException(ExitCodes.BadInput, $"lab '{lab}' has no node '{node}'", $"give one of: {string.Join(", ", spaces.Where(s => s.Namespace.Length > 0).Select(s => s.Name))}");
        var here = state.Daemons.Where(d => d.Namespace == space).ToList();
        if (here.Count == 0)
        {
            throw new SixgillException(ExitCodes.BadInput, $"lab '{lab}' runs no daemon of its own in {node}",
                $"{string.Join(", ", state.Daemons.Select(d => $"{d.Name} is in {spaces.FirstOrDefault(s => s.Namespace == d.Namespace).Name}").DefaultIfEmpty("it has none"))}; a node's own daemons (named, tayga) are the node's: 'sudo sixgill lab exec {node} -- …'");
        }

        var chosen = daemon is null ? here : here.Where(d => d.Name == daemon || d.Program == daemon).ToList();
        if (chosen.Count == 0)
        {
            throw new SixgillException(ExitCodes.BadInput, $"no daemon '{daemon}' in {node}", $"give one of: {string.Join(", ", here.Select(d => d.Name))}");
        }

        foreach (var log in chosen)
        {
            if (chosen.Count > 1)
            {
                invocation.Out.WriteLine($"==> {log.Name} ({log.Program}, {log.LogFile}) <==");
            }

            invocation.Out.Write(File.Exists(log.LogFile) ? File.ReadAllText(log.LogFile) : "");
        }

        return ExitCodes.Done;
    }
}
