using System.CommandLine;
using Sixgill.Config;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.Cli.Commands;

/// <summary>
/// What every <c>sixgill lab</c> command checks before it touches the machine — the lab's name and
/// config (exit 2), root and the programs it runs (exit 3, with the <c>apt-get</c> line) — and how
/// the lab's failures become exit codes.
/// </summary>
internal static class LabPreconditions
{
    public static Option<string> NameOption() => new("--name")
    {
        Description = "the lab's name: 1 to 12 lower-case letters or digits",
        DefaultValueFactory = _ => LabNames.DefaultLab,
        HelpName = "NAME",
    };

    public static string Name(string? name) =>
        LabNames.IsValidLabName(name)
            ? name!
            : throw new SixgillException(ExitCodes.BadInput, $"lab name '{name}' is not usable", "give --name 1 to 12 lower-case letters or digits, e.g. --name demo2");

    /// <summary>
    /// The lab's cluster file: <c>--config FILE</c> when given, else <c>examples/lab.yaml</c> built into
    /// the binary. Validated as any config (exit 2), then checked for what a lab needs.
    /// </summary>
    /// <param name="runtime">The runtime <c>--runtime</c> asked for, overriding the config's <c>general.runtime</c>; null keeps it.</param>
    /// <param name="kind">What the nodes are (<c>--kind</c>).</param>
    public static LabDefinition Definition(ParseResult result, GlobalOptions options, Invocation invocation, string name, ServiceRuntime? runtime = null,
        LabNodeKind kind = LabNodeKind.Namespace)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(invocation);
        Cluster cluster;
        string source, text;
        if (result.GetValue(options.LabConfig) is not null)
        {
            cluster = ValidatedCluster.Load(invocation);
            (source, text) = (invocation.ConfigPath, File.ReadAllText(invocation.ConfigPath));
        }
        else
        {
            (source, text) = (EmbeddedLabConfig.DisplayName, EmbeddedLabConfig.Text);
            cluster = ValidatedCluster.Check(invocation, ConfigLoader.Load(source, text));
        }

        if (runtime is { } chosen && chosen != cluster.Runtime)
        {
            // The nodes read the text: it says the runtime the lab is made for.
            text = LabRuntime.WithRuntime(text, chosen);
            cluster = ValidatedCluster.Check(invocation, ConfigLoader.Load(source, text));
        }

        var definition = new LabDefinition(name, cluster, text, source, kind);

        var problems = definition.Problems();
        return problems.Count == 0
            ? definition
            : throw new SixgillException(ExitCodes.BadInput, $"{definition.ConfigSource} cannot become a lab: {string.Join("; ", problems)}",
                "change the config, or leave out --config to use the built-in examples/lab.yaml");
    }

    /// <summary><c>--runtime native|docker</c>: the gateway's services as daemons or as containers of a dockerd the lab starts in the gateway node.</summary>
    public static Option<ServiceRuntime?> RuntimeOption()
    {
        var option = new Option<ServiceRuntime?>("--runtime")
        {
            Description = "override the config's general.runtime: native, or docker (the lab starts a dockerd in the gateway node)",
            HelpName = "RUNTIME",
            CustomParser = r => r.Tokens.Single().Value switch
            {
                "native" => ServiceRuntime.Native,
                "docker" => ServiceRuntime.Docker,
                var other => Fail(r, $"--runtime '{other}' is not native or docker"),
            },
        };
        option.CompletionSources.Clear();
        option.CompletionSources.Add("native", "docker");
        return option;
    }

    /// <summary><c>--kind namespace|systemd</c>: namespace nodes (fast, the default) or small Debian machines booting a real systemd.</summary>
    public static Option<LabNodeKind> KindOption() => new("--kind")
    {
        Description = "what the nodes are: namespace (fast, the default), or systemd (Debian machines booting systemd with systemd-nspawn; they can reboot)",
        HelpName = "KIND",
        DefaultValueFactory = _ => LabNodeKind.Namespace,
        CustomParser = r => LabNodeKinds.Parse(r.Tokens.Single().Value) ?? FailKind(r, $"--kind '{r.Tokens.Single().Value}' is not namespace or systemd"),
    };

    private static LabNodeKind FailKind(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return LabNodeKind.Namespace;
    }

    private static ServiceRuntime? Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }

    /// <summary>Every lab command changes (or reads) namespaces and mounts of this machine: root only.</summary>
    public static void RequireRoot(LabAdapters machine, string command)
    {
        ArgumentNullException.ThrowIfNull(machine);
        if (!machine.IsRoot)
        {
            throw new SixgillException(ExitCodes.Precondition, $"lab {command} works with this machine's namespaces and mounts: it needs root",
                $"run as root: sudo sixgill lab {command} …");
        }
    }

    /// <summary>Stops with exit 3 naming every missing program, its package and the one line that installs them all.</summary>
    public static void RequirePrograms(IEnumerable<RequiredProgram> programs, Func<string, bool>? isInstalled = null)
    {
        var preflight = ProgramPreflight.Check(isInstalled ?? ProgramSearch.IsInstalled, programs);
        if (!preflight.IsReady)
        {
            throw new SixgillException(ExitCodes.Precondition, string.Join("; ", preflight.Describe()) + "; nothing was changed", preflight.InstallCommand);
        }
    }

    /// <summary>
    /// Runs a lab command's behaviour: a missing precondition is exit 3, a lab that could not be built
    /// or removed exit 1, Ctrl-C 130 (the demo has removed its lab by then, unless it was kept).
    /// </summary>
    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (PreconditionFailedException e)
        {
            throw new SixgillException(ExitCodes.Precondition, e.Message);
        }
        catch (ProgramNotFoundException e)
        {
            throw new SixgillException(ExitCodes.Precondition, e.Message, "install it (scripts/setup installs everything the lab needs)");
        }
        catch (OperationCanceledException)
        {
            throw new SixgillException(ExitCodes.Interrupted, "interrupted", "'sudo sixgill lab down' removes whatever is left of the lab");
        }
        catch (LabException e)
        {
            throw new SixgillException(ExitCodes.ChangeFailed, e.Message, $"'sudo sixgill lab down' removes whatever is left of the lab");
        }
    }
}
