using Sixgill.Machine;

namespace Sixgill.Facts;

/// <summary>Reads <see cref="NodeFacts"/> from the node; changes nothing and needs no root.</summary>
internal static class NodeFactsReader
{
    public const string ResolvConf = "/etc/resolv.conf";

    /// <summary>Where systemd-resolved keeps the files <c>/etc/resolv.conf</c> links to when it owns the resolver.</summary>
    public const string ResolvedRuntimeDirectory = "/run/systemd/resolve/";

    /// <summary>Exists exactly when systemd is PID 1 (what <c>sd_booted(3)</c> checks).</summary>
    public const string SystemdRuntimeDirectory = "/run/systemd/system";

    /// <param name="sudoUser">Who ran <c>sudo</c> (<c>SUDO_USER</c>), for <see cref="NodeFacts.Up"/>.</param>
    public static NodeFacts Read(IFiles files, Func<string, bool> isInstalled, string? sudoUser = null)
    {
        ArgumentNullException.ThrowIfNull(isInstalled);
        return new NodeFacts(Resolver(files), Systemd(files, isInstalled)) { Up = UpFacts.Read(files, sudoUser), BridgeNetfilter = BridgeNetfilterReader.Read(files) };
    }

    public static ResolverSetup Resolver(IFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.Stat(ResolvConf) is { IsSymlink: true } facts && facts.RealPath.StartsWith(ResolvedRuntimeDirectory, StringComparison.Ordinal)
            ? ResolverSetup.SystemdResolvedStub
            : ResolverSetup.PlainFile;
    }

    private static SystemdState Systemd(IFiles files, Func<string, bool> isInstalled) =>
        !files.DirectoryExists(SystemdRuntimeDirectory) ? SystemdState.NotRunning
        : !isInstalled("systemctl") ? SystemdState.NoSystemctl
        : SystemdState.Running;
}
