namespace Sixgill.Planning;

/// <summary>How the gateway's daemons are kept running (docs/gateway.md).</summary>
internal enum Supervision
{
    /// <summary>Started directly, with pid files under <c>/run/sixgill</c>; stopped by those pids at clean. Not started again after a reboot.</summary>
    Direct,

    /// <summary>systemd units in <c>/etc/systemd/system</c>: enabled, restarted on failure, started at boot.</summary>
    Systemd,
}
