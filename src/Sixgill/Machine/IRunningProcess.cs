namespace Sixgill.Machine;

/// <summary>A long-running program started by <see cref="IProcessRunner.Start"/>; disposing it ends it.</summary>
internal interface IRunningProcess : IAsyncDisposable
{
    int Pid { get; }

    IReadOnlyList<string> Command { get; }

    bool HasExited { get; }

    /// <summary>The exit code once it has exited; null while it runs.</summary>
    int? ExitCode { get; }

    /// <summary>Its stdout so far (the most recent megabyte).</summary>
    string StandardOutput { get; }

    /// <summary>Its stderr so far (the most recent megabyte).</summary>
    string StandardError { get; }

    Task WaitForExitAsync(CancellationToken cancellationToken = default);

    /// <summary>SIGTERM, then SIGKILL if it has not ended within <paramref name="grace"/>.</summary>
    Task StopAsync(TimeSpan grace);
}
