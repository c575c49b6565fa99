using Sixgill.Machine;

namespace Sixgill.Host.Systemd;

/// <summary><see cref="ISystemd"/> through <c>systemctl</c> (argument vectors, bounded in time).</summary>
internal sealed class Systemctl(IProcessRunner runner) : ISystemd
{
    // A restart waits for the unit to be up again; systemd's own default start timeout is 90 s.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(100);

    public void Restart(string unit) => Run("restart", "--", Checked(unit)).EnsureSuccess();

    public void DaemonReload() => Run("daemon-reload").EnsureSuccess();

    // enable and disable reload the whole manager by themselves (0.3–0.5 s each in a lab node under
    // load); the symlinks are all they must change. The steps reload once where a unit file changed.
    public void Enable(string unit) => Run("enable", "--no-reload", "--", Checked(unit)).EnsureSuccess();

    public void Disable(string unit, bool stop) =>
        (stop ? Run("disable", "--no-reload", "--now", "--", Checked(unit)) : Run("disable", "--no-reload", "--", Checked(unit))).EnsureSuccess();

    // is-enabled/is-active answer by exit code: 0 yes, anything else no (also "no such unit").
    public bool IsEnabled(string unit) => Run("is-enabled", "--quiet", "--", Checked(unit)).Succeeded;

    public bool IsActive(string unit) => Run("is-active", "--quiet", "--", Checked(unit)).Succeeded;

    private ProcessResult Run(params string[] arguments) =>
        runner.RunAsync(new ProcessRequest(["systemctl", .. arguments]) { Timeout = Timeout }).GetAwaiter().GetResult();

    private static string Checked(string unit)
    {
        ArgumentException.ThrowIfNullOrEmpty(unit);
        return unit;
    }
}
