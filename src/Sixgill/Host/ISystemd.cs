namespace Sixgill.Host;

/// <summary>The service manager, where there is one: systemd, reached through <c>systemctl</c>.</summary>
internal interface ISystemd
{
    /// <summary>Restarts <paramref name="unit"/> and waits for it; throws when systemctl fails.</summary>
    void Restart(string unit);
}
