using System.Text;
using Sixgill.Host;

namespace Sixgill.Planning;

/// <summary>
/// What <c>up</c>'s plan needs to know about the node besides the config (SPEC §5.4): whether
/// <c>init</c> made a CA here (its certificate, which is public), and whose kubeconfig the master's
/// <c>admin.conf</c> becomes. Read once, so the plan itself stays a pure function.
/// </summary>
/// <param name="ClusterCaCertificatePem">The text of <c>/etc/sixgill/pki/ca.crt</c>; null when <c>init</c> made none here.</param>
internal sealed record UpFacts(string? ClusterCaCertificatePem, KubeconfigOwner KubeconfigOwner)
{
    public static UpFacts Read(IFiles files, string? sudoUser)
    {
        ArgumentNullException.ThrowIfNull(files);
        var certificate = files.Read(ClusterCaFiles.Certificate);
        return new UpFacts(certificate is null ? null : Encoding.UTF8.GetString(certificate), KubeconfigOwner.Find(files, sudoUser));
    }
}
