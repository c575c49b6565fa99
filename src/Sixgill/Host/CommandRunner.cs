using System.ComponentModel;
using System.Diagnostics;

namespace Sixgill.Host;

/// <summary>Starts a child process with its output captured; kills it (and its children) at the timeout.</summary>
internal sealed class CommandRunner : ICommandRunner
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public CommandOutput Run(IReadOnlyList<string> argv, string? input = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(argv);
        if (argv.Count == 0)
        {
            throw new ArgumentException("no program to run", nameof(argv));
        }

        var start = new ProcessStartInfo(argv[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in argv.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new PreconditionFailedException($"cannot run '{argv[0]}': {e.Message} (is it installed?)", e);
        }

        // Read both streams while writing stdin, or a chatty child blocks on a full pipe.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (input is not null)
            {
                process.StandardInput.Write(input);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading all of its input; its exit code tells the rest.
        }
        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{string.Join(' ', argv)}' did not finish within {limit.TotalSeconds:0} s and was killed");
        }

        process.WaitForExit(); // lets the output readers drain
        return new CommandOutput(argv.ToArray(), process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
