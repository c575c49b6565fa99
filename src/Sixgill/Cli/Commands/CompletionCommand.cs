using System.CommandLine;
using Sixgill.Cli.Surface;
using Sixgill.Config;
using Sixgill.Lab;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill completion bash|zsh|fish</c>: the shell's completion script, made from the same
/// command definitions the parser uses. The scripts call <c>sixgill completion --nodes</c> back
/// for node names: the config's (<c>-c</c>, default config.yaml), or a lab's for <c>lab</c> commands.
/// </summary>
internal static class CompletionCommand
{
    public static readonly string[] Shells = ["bash", "zsh", "fish"];

    public static Command Create(GlobalOptions options, Func<Command> root)
    {
        var shell = new Argument<string?>("SHELL") { Description = "bash, zsh or fish", Arity = ArgumentArity.ZeroOrOne };
        shell.AcceptOnlyFromAmong(Shells);
        var nodes = new Option<bool>("--nodes") { Hidden = true };
        var path = new Option<string>("--for") { Hidden = true };
        var lab = new Option<string>("--name") { Hidden = true, DefaultValueFactory = _ => LabNames.DefaultLab };
        var config = new Option<string>("--config") { Hidden = true, DefaultValueFactory = _ => "config.yaml" };
        var command = new Command("completion", "print the shell completion script for bash, zsh or fish") { shell, nodes, path, lab, config };
        command.SetAction(result =>
        {
            var invocation = Invocation.From(result, options);
            if (result.GetValue(nodes))
            {
                foreach (var node in NodeNames(result.GetValue(path) ?? "", result.GetValue(config)!, result.GetValue(lab)!))
                {
                    invocation.Out.WriteLine(node);
                }

                return ExitCodes.Done;
            }

            var commands = CommandSurface.Read(root());
            invocation.Out.Write(result.GetValue(shell) switch
            {
                "bash" => BashCompletion.Render(commands),
                "zsh" => ZshCompletion.Render(commands),
                "fish" => FishCompletion.Render(commands),
                _ => throw new SixgillException(ExitCodes.BadInput, "completion needs a shell: bash, zsh or fish",
                    "source <(sixgill completion bash), or see 'sixgill help completion'"),
            });
            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>For <c>lab</c> commands the nodes of that lab (from its state), else the config's nodes; nothing when neither can be read.</summary>
    internal static IReadOnlyList<string> NodeNames(string commandPath, string configPath, string lab)
    {
        if (commandPath.StartsWith("lab", StringComparison.Ordinal))
        {
            var state = LabNames.IsValidLabName(lab) ? LabStateFile.TryRead(new LabNames(lab)) : null;
            return state is null ? [] : [.. state.Nodes.Select(n => n.Name), .. state.WithInternet ? new[] { "internet" } : [], "switch"];
        }

        return ConfigLoader.LoadFile(configPath).Cluster?.Nodes.Select(n => n.Name).ToList() ?? [];
    }
}
