namespace Sixgill.Host;

/// <summary><see cref="ISystemd"/> through <c>systemctl</c> (argument vectors, bounded in time).</summary>
internal sealed class Systemctl(IProcessRunner runner) : ISystemd
{
    // A restart waits for the unit to be up again; systemd's own default start timeout is 90 s.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(100);

    public void Restart(string unit)
    {
        ArgumentException.ThrowIfNullOrEmpty(unit);
        runner.RunAsync(new ProcessRequest(["systemctl", "restart", "--", unit]) { Timeout = Timeout }).GetAwaiter().GetResult().EnsureSuccess();
    }
}
