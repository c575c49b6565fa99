using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// The guard of the systemd-node tests: the lab's requirements, systemd-nspawn, and the nodes' Debian
/// root — cached, or debootstrap to build it (the first test builds it: CI's run does so once, before
/// the tests). Skips where something is missing; fails in CI, like <see cref="LabRequirements"/>.
/// </summary>
public static class SystemdRequirements
{
    public static IReadOnlyList<string> Missing()
    {
        var missing = new List<string>(GatewayRequirements.Missing());
        if (!LabRequirements.IsOnPath(SystemdMachine.Nspawn) && !File.Exists("/usr/bin/systemd-nspawn"))
        {
            missing.Add("program 'systemd-nspawn' (Debian package systemd-container)");
        }

        if (!SystemdRoot.IsBuilt && !LabRequirements.IsOnPath("debootstrap") && !File.Exists("/usr/sbin/debootstrap"))
        {
            missing.Add($"the systemd nodes' root {SystemdRoot.Directory}, or debootstrap to build it (Debian package debootstrap)");
        }

        return missing;
    }

    public static void Require() => Guard.Require("systemd node tests", Missing());
}
