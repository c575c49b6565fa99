using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Sixgill.Cli.Commands;
using Sixgill.Cli.Surface;
using Sixgill.Config;
using Sixgill.Json;

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
        """;

    /// <summary>The width help wraps at: <c>COLUMNS</c> when set (asking the terminal would switch its keypad mode on).</summary>
    private static int HelpWidth => int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40 ? columns : 100;

    /// <summary>Every command by name, made only when asked for: building one costs its options, lambdas and code pages.</summary>
    private static readonly (string Name, Func<GlobalOptions, CommandEnvironment, Func<Command>, Command> Create)[] Commands =
    [
        ("validate", (options, _, _) => ValidateCommand.Create(options)),
        ("explain", (options, _, _) => ExplainCommand.Create(options)),
        ("verify", (options, _, _) => VerifyCommand.Create(options)),
        ("plan", (options, environment, _) => PlanCommand.Create(options, environment)),
        ("init", (options, environment, _) => InitCommand.Create(options, environment)),
        ("prepare", (options, environment, _) => PrepareCommand.Create(options, environment)),
        ("up", (options, environment, _) => UpCommand.Create(options, environment)),
        ("down", (options, environment, _) => DownCommand.Create(options, environment)),
        ("kubeconfig", (options, _, _) => KubeconfigCommand.Create(options)),
        ("clean", (options, environment, _) => CleanCommand.Create(options, environment)),
        ("reapply", (options, environment, _) => ReapplyCommand.Create(options, environment)),
        ("lab", (options, environment, _) => LabCommand.Create(options, environment.Lab)),
        ("images", (options, environment, _) => ImagesCommand.Create(options, environment.Images)),
        ("schema", (options, _, _) => SchemaCommand.Create(options)),
        ("completion", (options, _, root) => CompletionCommand.Create(options, root)),
        ("help", (options, _, root) => HelpCommand.Create(options, root)),
        ("version", (options, _, _) => VersionCommand.Create(options)),
    ];

    /// <summary>Commands that read the whole command tree (completion scripts, help of another command): every command is built for them.</summary>
    private static readonly string[] ReadTheTree = ["completion", "help"];

    /// <param name="environment">How the commands reach the machine; this machine unless a test gives fakes.</param>
    /// <param name="only">
    /// The command about to run: when it names one, only that one is built (start-up is then the
    /// cost of one command, not of twelve); otherwise (help, a mistake to report with suggestions) all are.
    /// </param>
    /// <param name="helpAsked">
    /// The command line names <c>--help</c> (or <c>-h</c>, <c>-?</c>) or <c>--version</c>. When it does
    /// not and one command is built, those two options are left out: making them reads
    /// System.CommandLine's localized texts through a ResourceManager (about a tenth of a start).
    /// </param>
    public static Command Build(GlobalOptions options, CommandEnvironment? environment = null, string? only = null, bool helpAsked = true)
    {
        environment ??= CommandEnvironment.Local;
        Command root = null!;
        Command Root() => root;
        // A plain command named sixgill, not System.CommandLine's RootCommand: that one looks up the
        // program's name through reflection (the assembly binder, about 1 ms of every start) and
        // adds directives, which Sixgill does not offer.
        root = new Command("sixgill", Description);
        var wanted = only is not null && !ReadTheTree.Contains(only) && Array.Exists(Commands, c => c.Name == only) ? only : null;
        if (wanted is null || helpAsked)
        {
            root.Options.Add(new HelpOption());
            root.Options.Add(new VersionOption());
        }

        foreach (var (name, create) in Commands)
        {
            if (wanted is null || name == wanted)
            {
                root.Subcommands.Add(create(options, environment, Root));
            }
        }

        CommandOptions.Attach(root, options);
        HelpLayout.Install(root, HelpWidth);
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancel = default) =>
        RunAsync(args, output, error, CommandEnvironment.Local, cancel);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CommandEnvironment environment, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new GlobalOptions();
        var document = new DocumentWriter(output);
        // No response files: "-c @cluster.yaml" is a file name, never a list of arguments to read.
        var parsed = Build(options, environment, args.Length > 0 ? args[0] : null, AsksForHelpOrVersion(args)).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var json = WantsJson(args);
        if (parsed.Errors.Count > 0)
        {
            var (lines, hint) = ParseErrors.Describe(parsed);
            foreach (var line in lines)
            {
                await error.WriteLineAsync($"sixgill: {EchoText.Show(line)}");
            }

            await error.WriteLineAsync($"  fix: {EchoText.Show(hint)}");
            if (json)
            {
                await WriteErrorAsync(document, string.Join("; ", lines), hint, ExitCodes.BadInput, []);
            }

            return ExitCodes.BadInput;
        }

        var trace = parsed.GetValue(options.Trace);
        try
        {
            // Signals are Program's (a change rolls back first); System.CommandLine must not take them too.
            var configuration = new InvocationConfiguration { Output = document, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parsed.InvokeAsync(configuration, cancel);
        }
        catch (SixgillException e)
        {
            await ReportAsync(error, e.Message, e.Hint, trace ? e : null);
            if (json && !document.Written)
            {
                await WriteErrorAsync(document, e.Message, e.Hint, e.ExitCode, e.Diagnostics);
            }

            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException)
        {
            // The machine refused a file operation (a full disk, a read-only file system): not a bug.
            const string Refused = "the machine refused a file operation (is a file system full or read-only?); fix that and run again";
            await ReportAsync(error, e.Message, Refused, trace ? e : null);
            if (json && !document.Written)
            {
                await WriteErrorAsync(document, e.Message, Refused, ExitCodes.ChangeFailed, []);
            }

            return ExitCodes.ChangeFailed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            const string Hint = "this is a bug in Sixgill; run again with -vv and report the output";
            await ReportAsync(error, $"internal error: {e.Message}", Hint, trace ? e : null);
            if (json && !document.Written)
            {
                await WriteErrorAsync(document, $"internal error: {e.Message}", Hint, ExitCodes.ChangeFailed, []);
            }

            return ExitCodes.ChangeFailed;
        }
    }

    private static bool AsksForHelpOrVersion(string[] args) =>
        args.Any(a => a is "--help" or "-h" or "/h" or "-?" or "/?" or "--version");

    /// <summary><c>-o json</c> (or <c>--output json</c>, <c>--output=json</c>) anywhere: known even when the rest does not parse.</summary>
    private static bool WantsJson(IReadOnlyList<string> args) =>
        args.Any(a => a is "--output=json" or "-o=json" or "-ojson")
        || args.Zip(args.Skip(1)).Any(pair => pair.First is "--output" or "-o" && pair.Second == "json");

    private static Task WriteErrorAsync(TextWriter output, string message, string? hint, int exitCode, IReadOnlyList<DiagnosticDto> diagnostics) =>
        output.WriteAsync(ReadableJson.Serialize(new ErrorReport(message, hint, exitCode, diagnostics), CliJsonContext.Default.ErrorReport));

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

    /// <summary><c>sixgill --version</c>: the same report as <c>sixgill version</c>.</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            ArgumentNullException.ThrowIfNull(parseResult);
            VersionCommand.Report.WriteText(parseResult.InvocationConfiguration.Output);
            return ExitCodes.Done;
        }
    }
}
