using System.Diagnostics;
using System.Globalization;
using Sixgill.Machine;

namespace Sixgill.Host.Processes;

/// <summary>A long-running program started by <see cref="ProcessRunner.Start"/>; ends it by pid.</summary>
internal sealed class RunningProcess : IRunningProcess
{
    /// <summary>Time a program gets to end after SIGTERM before it is killed.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(5);

    private readonly Process process;
    private readonly OutputCollector stdout;
    private readonly OutputCollector stderr;
    private readonly IProcessRunner runner;

    internal RunningProcess(Process process, IReadOnlyList<string> command, OutputCollector stdout, OutputCollector stderr, IProcessRunner runner)
    {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.runner = runner;
        Command = command;
        Pid = process.Id;
    }

    public int Pid { get; }

    public IReadOnlyList<string> Command { get; }

    public bool HasExited => this.process.HasExited;

    /// <summary>The exit code once it has exited; null while it runs.</summary>
    public int? ExitCode => this.process.HasExited ? this.process.ExitCode : null;

    /// <summary>Its stdout so far (the most recent megabyte).</summary>
    public string StandardOutput => this.stdout.Text;

    /// <summary>Its stderr so far (the most recent megabyte).</summary>
    public string StandardError => this.stderr.Text;

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => this.process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// SIGTERM, then SIGKILL (with its descendants) if it has not ended within <paramref name="grace"/>.
    /// Daemons get the chance to remove their pid files and tunnels; the kill makes sure it ends.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (this.process.HasExited)
        {
            return;
        }

        // .NET has no way to send SIGTERM; kill(1) does it by exact pid.
        await this.runner.RunAsync(["kill", "-s", "TERM", "--", Pid.ToString(CultureInfo.InvariantCulture)]);
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await this.process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            ProcessRunner.Kill(this.process);
            await this.process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(DefaultGrace);
        await Task.WhenAny(Task.WhenAll(this.stdout.Completion, this.stderr.Completion), Task.Delay(TimeSpan.FromSeconds(1)));
        this.process.Dispose();
    }
}
