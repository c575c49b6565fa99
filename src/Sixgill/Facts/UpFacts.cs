using System.Collections.Immutable;
using System.Text;
using Sixgill.Kube;
using Sixgill.Machine;

namespace Sixgill.Facts;

/// <summary>
/// What <c>up</c>'s plan needs to know about the node besides the config (docs/steps.md): whether
/// <c>init</c> made a CA here (its certificate, which is public), and whose kubeconfig the master's
/// <c>admin.conf</c> becomes. Part of <see cref="NodeFacts"/>: read once, so the plan stays pure.
/// </summary>
/// <param name="ClusterCaCertificatePem">The text of <c>/etc/sixgill/pki/ca.crt</c>; null when <c>init</c> made none here.</param>
/// <param name="SudoUser">Who ran <c>sudo</c> (<c>SUDO_USER</c>); null when nobody did.</param>
/// <param name="KubeconfigOwner">That user (or root) as <c>/etc/passwd</c> has them; null when they are not there.</param>
internal sealed record UpFacts(string? ClusterCaCertificatePem, string? SudoUser, KubeconfigOwner? KubeconfigOwner)
{
    /// <summary>The names in <c>/etc/cni/net.d</c>: a runtime loads the first CNI config file in name order.</summary>
    public ImmutableArray<string> CniDirectoryEntries { get; init; } = [];

    /// <summary>No CA from init, run by root: what tests and plans assume unless told otherwise.</summary>
    public static UpFacts None { get; } = new(null, null, KubeconfigOwner.Root);

    public static UpFacts Read(IFiles files, string? sudoUser)
    {
        ArgumentNullException.ThrowIfNull(files);
        var certificate = files.Read(ClusterCaFiles.Certificate);
        return new UpFacts(certificate is null ? null : Encoding.UTF8.GetString(certificate), sudoUser, KubeconfigOwner.Find(files, sudoUser))
        {
            CniDirectoryEntries = [.. files.EntryNames(CniConfig.Directory)],
        };
    }
}
