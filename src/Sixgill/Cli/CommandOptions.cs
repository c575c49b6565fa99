using System.CommandLine;

namespace Sixgill.Cli;

/// <summary>Which of the shared options each command takes, by its path: one table, so help and completion list only what applies.</summary>
internal static class CommandOptions
{
    public static IReadOnlyList<Option> For(string path, GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return path switch
        {
            "validate" or "explain" or "verify" => options.Reading,
            "plan" or "init" or "prepare" or "up" or "down" or "clean" or "reapply" => options.Changing,
            "kubeconfig" => options.Reading,
            "lab up" or "lab demo" => options.LabMaking,
            "lab down" or "lab status" or "lab list" or "lab reboot" or "lab root" => options.LabUsing,
            "lab logs" => [options.Verbose, options.Quiet],
            "images build" => [options.Output, options.Verbose, options.Trace, options.Quiet],
            "version" => [options.Output],
            _ => [],
        };
    }

    /// <summary>Gives every command of the tree its options.</summary>
    public static void Attach(Command command, GlobalOptions options, string path = "")
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in For(path, options))
        {
            if (!command.Options.Contains(option))
            {
                command.Options.Add(option);
            }
        }

        foreach (var sub in command.Subcommands)
        {
            Attach(sub, options, path.Length == 0 ? sub.Name : $"{path} {sub.Name}");
        }
    }
}
