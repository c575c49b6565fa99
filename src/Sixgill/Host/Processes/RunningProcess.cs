using System.Diagnostics;
using System.Globalization;
using Sixgill.Machine;

namespace Sixgill.Host.Processes;

/// <summary>A long-running program started by <see cref="ProcessRunner.Start"/>; ends it by pid.</summary>
internal sealed class RunningProcess : IAsyncDisposable
{
    /// <summary>Time a program gets to end after SIGTERM before it is killed.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly OutputCollector _stdout;
    private readonly OutputCollector _stderr;
    private readonly IProcessRunner _runner;

    internal RunningProcess(Process process, IReadOnlyList<string> command, OutputCollector stdout, OutputCollector stderr, IProcessRunner runner)
    {
        _process = process;
        _stdout = stdout;
        _stderr = stderr;
        _runner = runner;
        Command = command;
        Pid = process.Id;
    }

    public int Pid { get; }

    public IReadOnlyList<string> Command { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once it has exited; null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Its stdout so far (the most recent megabyte).</summary>
    public string StandardOutput => _stdout.Text;

    /// <summary>Its stderr so far (the most recent megabyte).</summary>
    public string StandardError => _stderr.Text;

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// SIGTERM, then SIGKILL (with its descendants) if it has not ended within <paramref name="grace"/>.
    /// Daemons get the chance to remove their pid files and tunnels; the kill makes sure it ends.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        // .NET has no way to send SIGTERM; kill(1) does it by exact pid.
        await _runner.RunAsync(["kill", "-s", "TERM", "--", Pid.ToString(CultureInfo.InvariantCulture)]);
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            ProcessRunner.Kill(_process);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(DefaultGrace);
        await Task.WhenAny(Task.WhenAll(_stdout.Completion, _stderr.Completion), Task.Delay(TimeSpan.FromSeconds(1)));
        _process.Dispose();
    }
}
