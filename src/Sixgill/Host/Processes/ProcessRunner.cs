using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Sixgill.Machine;

namespace Sixgill.Host.Processes;

/// <summary>
/// Starts programs from argument vectors (never through a shell), captures their output, and
/// kills them on timeout or cancellation.
/// </summary>
internal sealed class ProcessRunner : IProcessRunner
{
    /// <summary>How long output may keep flowing after the program exited (a forked daemon holds the pipe).</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    /// <summary>How much of a long-running program's output is kept.</summary>
    private const int BackgroundOutputLimit = 1 << 20;

    public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        using var process = StartProcess(request);
        var stdout = new OutputCollector(process.StandardOutput, onText: request.OnStandardOutput);
        var stderr = new OutputCollector(process.StandardError, onText: request.OnStandardError);
        var feeding = FeedAsync(process, request.StandardInput);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            await DrainAsync(stdout, stderr);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ProcessTimeoutException(request.Command, request.Timeout, stderr.Text);
        }

        await feeding;
        await DrainAsync(stdout, stderr);
        return new ProcessResult(request.Command, process.ExitCode, stdout.Text, stderr.Text, clock.Elapsed);
    }

    public IRunningProcess Start(ProcessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var process = StartProcess(request);
        var stdout = new OutputCollector(process.StandardOutput, BackgroundOutputLimit);
        var stderr = new OutputCollector(process.StandardError, BackgroundOutputLimit);
        _ = FeedAsync(process, request.StandardInput);
        return new RunningProcess(process, request.Command, stdout, stderr, this);
    }

    internal static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to end.
        }
    }

    private static Process StartProcess(ProcessRequest request)
    {
        if (request.Command.Count == 0 || string.IsNullOrEmpty(request.Command[0]))
        {
            throw new ArgumentException("a command needs at least the program", nameof(request));
        }

        var info = new ProcessStartInfo(request.Command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in request.Command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in request.Environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new ProgramNotFoundException(request.Command[0], e);
        }

        return process;
    }

    /// <summary>Writes stdin (if any) and closes it, so a program that reads stdin never waits on the test runner's.</summary>
    private static async Task FeedAsync(Process process, string? text)
    {
        try
        {
            if (text is not null)
            {
                await process.StandardInput.WriteAsync(text);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading all of its input; its exit code tells the story.
        }
    }

    private static async Task DrainAsync(OutputCollector stdout, OutputCollector stderr)
    {
        var both = Task.WhenAll(stdout.Completion, stderr.Completion);
        await Task.WhenAny(both, Task.Delay(DrainGrace));
    }
}
