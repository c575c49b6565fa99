using System.CommandLine;

namespace Sixgill.Cli;

/// <summary>What a command's behaviour needs from the command line: the global settings and the two streams.</summary>
/// <param name="Verbosity">-1 with <c>--quiet</c>, 0 by default, 1 with <c>-v</c>, 2 with <c>-vv</c>.</param>
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

    /// <summary><c>--quiet</c>: only errors and security warnings on stderr.</summary>
    public bool Quiet => Verbosity < 0;

    public static Invocation From(ParseResult result, GlobalOptions options) => new(
        result.GetValue(options.LabConfig) ?? result.GetValue(options.Config) ?? "config.yaml",
        result.GetValue(options.Host),
        result.GetValue(options.Trace) ? 2 : result.GetValue(options.Verbose) ? 1 : result.GetValue(options.Quiet) ? -1 : 0,
        result.GetValue(options.Output) == "json" ? OutputFormat.Json : OutputFormat.Text,
        result.GetValue(options.StateDir) ?? "/var/lib/sixgill",
        result.InvocationConfiguration.Output,
        result.InvocationConfiguration.Error);

    /// <summary>The name of this node: <c>--host</c>, or this machine's hostname.</summary>
    public string NodeName => Host ?? Environment.MachineName;
}
