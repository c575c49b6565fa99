namespace Sixgill.Facts;

/// <summary>How this node's resolver is configured, which decides how prepare makes the DNS64 server its first nameserver (docs/steps.md).</summary>
internal enum ResolverSetup
{
    /// <summary><c>/etc/resolv.conf</c> is a file (or a symlink to one) Sixgill edits line by line.</summary>
    PlainFile,

    /// <summary><c>/etc/resolv.conf</c> links into <c>/run/systemd/resolve/</c>: systemd-resolved owns it.</summary>
    SystemdResolvedStub,
}
