using System.CommandLine;

namespace Sixgill.Cli;

/// <summary>What a command's behaviour needs from the command line: the global settings and the two streams.</summary>
internal sealed record Invocation(
    string ConfigPath,
    string? Host,
    int Verbosity,
    OutputFormat Output,
    string StateDir,
    TextWriter Out,
    TextWriter Error)
{
    public bool Json => Output == OutputFormat.Json;

    public static Invocation From(ParseResult result, GlobalOptions options) => new(
        result.GetValue(options.Config) ?? "config.yaml",
        result.GetValue(options.Host),
        result.GetValue(options.Trace) ? 2 : result.GetValue(options.Verbose) ? 1 : 0,
        result.GetValue(options.Output) == "json" ? OutputFormat.Json : OutputFormat.Text,
        result.GetValue(options.StateDir) ?? "/var/lib/sixgill",
        result.InvocationConfiguration.Output,
        result.InvocationConfiguration.Error);

    /// <summary>The name of this node: <c>--host</c>, or this machine's hostname.</summary>
    public string NodeName => Host ?? Environment.MachineName;
}
