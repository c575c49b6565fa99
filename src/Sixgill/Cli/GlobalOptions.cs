using System.CommandLine;

namespace Sixgill.Cli;

/// <summary>The options every command takes (docs/commands.md), declared once and shared by all commands.</summary>
internal sealed class GlobalOptions
{
    public Option<string> Config { get; } = new("--config", "-c")
    {
        Description = "the cluster file",
        DefaultValueFactory = _ => "config.yaml",
        HelpName = "FILE",
    };

    /// <summary><c>lab up</c> and <c>lab demo</c>: without it, the built-in examples/lab.yaml.</summary>
    public Option<string?> LabConfig { get; } = new("--config", "-c")
    {
        Description = "the cluster file of the lab [default: the built-in examples/lab.yaml]",
        HelpName = "FILE",
    };

    public Option<string?> Host { get; } = new("--host")
    {
        Description = "which topology entry this node is (default: this machine's hostname)",
        HelpName = "NODE",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "more log detail on stderr",
    };

    public Option<bool> Trace { get; } = new("--trace", "-vv")
    {
        Description = "even more: every command run, and stack traces",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "only errors and security warnings on stderr",
    };

    public Option<string> Output { get; } = CreateOutput();

    public Option<string> StateDir { get; } = CreateStateDir();

    private static Option<string> CreateStateDir()
    {
        var stateDir = new Option<string>("--state-dir")
        {
            Description = "journal, backups and lock",
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
        var output = new Option<string>("--output", "-o")
        {
            Description = "text, or json: one machine-readable document on stdout (docs/json.md)",
            DefaultValueFactory = _ => "text",
            HelpName = "FORMAT",
        };
        output.AcceptOnlyFromAmong("text", "json");
        return output;
    }

    /// <summary>What reading a config and logging take: every command that reads the cluster file.</summary>
    public Option[] Reading => [Config, Host, Output, Verbose, Trace, Quiet];

    /// <summary>The commands that change a node: reading, and where their journal is.</summary>
    public Option[] Changing => [.. Reading, StateDir];

    /// <summary>The lab's commands that make a lab from a config.</summary>
    public Option[] LabMaking => [LabConfig, Output, Verbose, Trace, Quiet];

    /// <summary>The lab's other commands.</summary>
    public Option[] LabUsing => [Output, Verbose, Quiet];
}
