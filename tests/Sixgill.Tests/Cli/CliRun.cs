using Sixgill.Cli;

namespace Sixgill.Tests.Cli;

/// <summary>The whole command line run in-process with captured stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SixgillCli.RunAsync(args, output, error).GetAwaiter().GetResult();
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The change commands against a node of fakes instead of this machine.</summary>
    public static CliRun On(CommandEnvironment node, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SixgillCli.RunAsync(args, output, error, node).GetAwaiter().GetResult();
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>A file under examples/ (copied next to the tests at build).</summary>
    public static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    /// <summary>Where <see cref="TempConfig"/> writes: one directory for the test run, removed when it ends.</summary>
    private static readonly Lazy<TempDirectory> Configs = new(() =>
    {
        var directory = new TempDirectory("sixgill-test-configs-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        return directory;
    });

    /// <summary>Writes <paramref name="yaml"/> to a fresh file of the run's config directory and returns its path.</summary>
    public static string TempConfig(string yaml)
    {
        var path = Configs.Value.Combine($"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
