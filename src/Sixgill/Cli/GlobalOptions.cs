using System.CommandLine;

namespace Sixgill.Cli;

/// <summary>The options every command takes (docs/commands.md), declared once and shared by all commands.</summary>
internal sealed class GlobalOptions
{
    public Option<string> Config { get; } = new("--config", "-c")
    {
        Description = "the cluster file",
        Recursive = true,
        DefaultValueFactory = _ => "config.yaml",
        HelpName = "FILE",
    };

    public Option<string?> Host { get; } = new("--host")
    {
        Description = "which topology entry this node is (default: this machine's hostname)",
        Recursive = true,
        HelpName = "NAME",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "more log detail on stderr",
        Recursive = true,
    };

    public Option<bool> Trace { get; } = new("--trace", "-vv")
    {
        Description = "even more: every command run, and stack traces",
        Recursive = true,
    };

    public Option<string> Output { get; } = CreateOutput();

    public Option<string> StateDir { get; } = CreateStateDir();

    private static Option<string> CreateStateDir()
    {
        var stateDir = new Option<string>("--state-dir")
        {
            Description = "journal, backups and lock",
            Recursive = true,
            DefaultValueFactory = _ => "/var/lib/sixgill",
            HelpName = "DIR",
        };
        stateDir.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && StateDirectoryCheck.Problem(result.Tokens[^1].Value) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return stateDir;
    }

    private static Option<string> CreateOutput()
    {
        var output = new Option<string>("--output")
        {
            Description = "text, or json: one machine-readable document on stdout",
            Recursive = true,
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        output.AcceptOnlyFromAmong("text", "json");
        return output;
    }

    public IEnumerable<Option> All => [Config, Host, Verbose, Trace, Output, StateDir];
}
