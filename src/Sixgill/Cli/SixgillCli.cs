using System.CommandLine;
using Sixgill.Cli.Change;
using Sixgill.Cli.Commands;
using Sixgill.Config;

namespace Sixgill.Cli;

/// <summary>
/// The whole command line, runnable in-process with any two writers (the tests do), so
/// <c>Program</c> is only the composition root.
/// </summary>
internal static class SixgillCli
{
    private const string Description = """
        Sixgill prepares Linux machines for an IPv6-only Kubernetes lab from one YAML file,
        brings the cluster up and down, and puts every machine back exactly as it was.

        Examples:
          sudo sixgill lab demo
          sixgill validate -c examples/orca.yaml
          sixgill explain -c examples/lab.yaml --host w1
          sixgill explain -c examples/lab.yaml --output json
          sixgill plan -c config.yaml
          sudo sixgill prepare -c config.yaml
          sudo sixgill clean -c config.yaml
        """;

    /// <summary>Every command by name, made only when asked for: building one costs its options, lambdas and code pages.</summary>
    private static readonly (string Name, Func<GlobalOptions, ChangeEnvironment, Command> Create)[] Commands =
    [
        ("validate", (options, _) => ValidateCommand.Create(options)),
        ("explain", (options, _) => ExplainCommand.Create(options)),
        ("verify", (options, _) => VerifyCommand.Create(options)),
        ("plan", PlanCommand.Create),
        ("init", InitCommand.Create),
        ("prepare", PrepareCommand.Create),
        ("up", UpCommand.Create),
        ("down", DownCommand.Create),
        ("kubeconfig", (options, _) => KubeconfigCommand.Create(options)),
        ("clean", CleanCommand.Create),
        ("reapply", ReapplyCommand.Create),
        ("lab", (options, _) => LabCommand.Create(options)),
        ("images", (options, _) => ImagesCommand.Create(options)),
        ("version", (options, _) => VersionCommand.Create(options)),
    ];

    /// <param name="environment">How change commands reach their node; this machine unless a test gives fakes.</param>
    /// <param name="only">
    /// The command about to run: when it names one, only that one is built (start-up is then the
    /// cost of one command, not of twelve); otherwise (help, a mistake to report with suggestions) all are.
    /// </param>
    public static RootCommand Build(GlobalOptions options, ChangeEnvironment? environment = null, string? only = null)
    {
        environment ??= ChangeEnvironment.Local;
        var root = new RootCommand(Description);
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        var wanted = Array.Exists(Commands, c => c.Name == only) ? only : null;
        foreach (var (name, create) in Commands)
        {
            if (wanted is null || name == wanted)
            {
                root.Subcommands.Add(create(options, environment));
            }
        }

        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancel = default) =>
        RunAsync(args, output, error, ChangeEnvironment.Local, cancel);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, ChangeEnvironment environment, CancellationToken cancel = default)
    {
        var options = new GlobalOptions();
        // No response files: "-c @cluster.yaml" is a file name, never a list of arguments to read.
        var parsed = Build(options, environment, args.Length > 0 ? args[0] : null).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"sixgill: {EchoText.Show(parseError.Message)}");
            }

            await error.WriteLineAsync("Run 'sixgill --help' to see the commands and their options.");
            return ExitCodes.BadInput;
        }

        var trace = parsed.GetValue(options.Trace);
        try
        {
            // Signals are Program's (a change rolls back first); System.CommandLine must not take them too.
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parsed.InvokeAsync(configuration, cancel);
        }
        catch (SixgillException e)
        {
            await ReportAsync(error, e.Message, e.Hint, trace ? e : null);
            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException)
        {
            // The machine refused a file operation (a full disk, a read-only file system): not a bug.
            await ReportAsync(error, e.Message, "the machine refused a file operation (is a file system full or read-only?); fix that and run again", trace ? e : null);
            return ExitCodes.ChangeFailed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ReportAsync(error, $"internal error: {e.Message}", "this is a bug in Sixgill; run again with -vv and report the output", trace ? e : null);
            return ExitCodes.ChangeFailed;
        }
    }

    private static async Task ReportAsync(TextWriter error, string message, string? hint, Exception? trace)
    {
        await error.WriteLineAsync($"sixgill: {EchoText.Show(message)}");
        if (hint is not null)
        {
            await error.WriteLineAsync($"  fix: {EchoText.Show(hint)}");
        }

        if (trace is not null)
        {
            await error.WriteLineAsync(trace.ToString());
        }
    }
}
