namespace Sixgill.Facts;

/// <summary>Whether units can be managed on this node, and if not, why (for the warning).</summary>
internal enum SystemdState
{
    /// <summary>systemd is PID 1 and <c>systemctl</c> is installed.</summary>
    Running,

    /// <summary>PID 1 is not systemd (a container, a lab node, another init).</summary>
    NotRunning,

    /// <summary>systemd runs but <c>systemctl</c> is not on PATH.</summary>
    NoSystemctl,
}
