namespace Sixgill.Machine;

/// <summary>The service manager, where there is one: systemd, reached through <c>systemctl</c>.</summary>
internal interface ISystemd
{
    /// <summary>Where systemd looks for units an administrator installed.</summary>
    public const string UnitDirectory = "/etc/systemd/system";

    /// <summary>Restarts <paramref name="unit"/> (starts it when stopped) and waits for it; throws when systemctl fails.</summary>
    void Restart(string unit);

    /// <summary>Makes systemd read the unit files again, after one was written or removed.</summary>
    void DaemonReload();

    /// <summary>Starts <paramref name="unit"/> at boot from now on.</summary>
    void Enable(string unit);

    /// <summary>No longer at boot; with <paramref name="stop"/>, also stopped now (<c>disable --now</c>).</summary>
    void Disable(string unit, bool stop);

    bool IsEnabled(string unit);

    bool IsActive(string unit);
}
