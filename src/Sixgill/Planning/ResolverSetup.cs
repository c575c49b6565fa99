using Sixgill.Host;

namespace Sixgill.Planning;

/// <summary>How this node's resolver is configured, which decides how prepare makes the DNS64 server its first nameserver (SPEC §5.1 step 4).</summary>
internal enum ResolverSetup
{
    /// <summary><c>/etc/resolv.conf</c> is a file (or a symlink to one) Sixgill edits line by line.</summary>
    PlainFile,

    /// <summary><c>/etc/resolv.conf</c> links into <c>/run/systemd/resolve/</c>: systemd-resolved owns it.</summary>
    SystemdResolvedStub,
}

internal static class ResolverSetupDetection
{
    public const string ResolvConf = "/etc/resolv.conf";

    /// <summary>Looks at <c>/etc/resolv.conf</c> (reads only) to tell the two setups apart.</summary>
    public static ResolverSetup Detect(IFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.Stat(ResolvConf) is { IsSymlink: true } facts && facts.RealPath.StartsWith("/run/systemd/resolve/", StringComparison.Ordinal)
            ? ResolverSetup.SystemdResolvedStub
            : ResolverSetup.PlainFile;
    }
}
