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

    /// <summary>Writes <paramref name="yaml"/> to a fresh temp file and returns its path.</summary>
    public static string TempConfig(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sixgill-test-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
