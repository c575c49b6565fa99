using Sixgill.Host;

namespace Sixgill.Steps;

/// <summary>
/// Everything a step may touch: the host interfaces, and where file steps keep backups of files they
/// replace. Steps have no other way to reach the machine.
/// </summary>
/// <param name="Systemd">The service manager; null where systemd does not run (a unit is then not restarted, and the step says so).</param>
internal sealed record StepContext(INetwork Network, IFiles Files, ISysctl Sysctl, string BackupDirectory, ISystemd? Systemd = null);
