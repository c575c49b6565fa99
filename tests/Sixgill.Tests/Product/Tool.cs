using System.Diagnostics;

namespace Sixgill.Tests.Product;

/// <summary>
/// A program of the machine a test runs (a shell, groff). Missing, the test is skipped with the
/// package to install; under CI (<c>CI=true</c>) it fails instead, so CI cannot pass untested.
/// </summary>
internal static class Tool
{
    public static void Require(string program, string package)
    {
        if (Find(program) is not null)
        {
            return;
        }

        var message = $"this test needs '{program}' (Debian package {package}, in .ci/packages.txt)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " — CI=true, so this fails instead of skipping");
        }

        Assert.Skip(message);
    }

    /// <summary>Runs the program with the arguments, <paramref name="input"/> on its stdin; its exit code and output.</summary>
    public static (int ExitCode, string Out, string Error) Run(string program, IEnumerable<string> arguments, string input = "", IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Find(program) ?? program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
