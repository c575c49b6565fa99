using System.Collections.Immutable;
using System.Security.Cryptography;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Facts;
using Sixgill.Kube;
using Sixgill.Machine;
using Sixgill.Steps;

namespace Sixgill.Planning;

/// <summary>
/// The steps <c>up</c> takes on one node, in order (docs/steps.md): the CNI config; a route to every other
/// cluster node's pod subnet; on the master the CA <c>init</c> made copied for kubeadm, <c>kubeadm
/// init</c> and the cluster merged into the kubeconfig of the person who ran it; on a minion <c>kubeadm join</c>. Pure:
/// <c>plan up</c>, <c>up</c>, <c>plan down</c> and a journal-less <c>down</c> see the same list.
/// </summary>
/// <remarks>
/// The plan's problems are what in the config stops <c>up</c> (no token, a CA that is not the one the
/// config pins): up refuses to run while there are any, plan shows them; nothing secret is quoted. A
/// node that is neither master nor minion gets no steps, only a note: up has nothing to do there.
/// </remarks>
internal static class UpPlan
{
    public const string Command = "up";

    private const UnixFileMode Public = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static NodePlan For(AddressPlan plan, string nodeName, UpFacts facts)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(facts);
        var node = plan.Find(nodeName) ?? throw new ArgumentException($"'{nodeName}' is not in the topology", nameof(nodeName));
        if (!node.Node.IsClusterNode)
        {
            return new NodePlan(Command, [], [], [$"{nodeName} is neither master nor minion: Kubernetes does not run here, so there is nothing to do"]);
        }

        var cluster = plan.Cluster;
        var steps = ImmutableArray.CreateBuilder<Step>();
        var problems = ImmutableArray.CreateBuilder<string>();
        var warnings = ImmutableArray.CreateBuilder<string>();

        // 1. The CNI config: this node's pod subnet(s), the one the runtime loads.
        CniPrecedence(facts.CniDirectoryEntries, problems, warnings);
        steps.Add(new EnsureCniConfig(CniConfig.FilePath, FileBody.FromText(CniConfig.Render(plan, node)), Public,
            cluster.Plugin == CniPlugin.Bridge ? CniConfig.BridgeName : null));

        // 2. Every other cluster node's pod subnet via its management address.
        steps.AddRange(plan.PodRoutes(node).Select(route => new EnsureRoute(new KernelRoute(route.Destination, route.Via, route.Device))));

        // 3. kubeadm, with the CA init made (master) and the kubeadm file prepare wrote.
        if (node.Node.IsMaster)
        {
            problems.AddRange(ClusterCaProblems(cluster, facts.ClusterCaCertificatePem));
            if (facts.ClusterCaCertificatePem is not null)
            {
                steps.Add(new CopyFile(ClusterCaFiles.Certificate, ClusterCaFiles.KubernetesCertificate, Public));
                steps.Add(new CopyFile(ClusterCaFiles.Key, ClusterCaFiles.KubernetesKey, Private));
            }
        }

        var kubeadmProblems = KubeadmConfig.Problems(plan, node);
        problems.AddRange(kubeadmProblems);
        if (kubeadmProblems.IsEmpty)
        {
            var kubeadmFile = FileBody.FromText(KubeadmConfig.Render(plan, node));
            steps.Add(new RunKubeadm(node.Node.IsMaster ? KubeadmVerb.Init : KubeadmVerb.Join, KubeadmConfig.FilePath, kubeadmFile, cluster.KubernetesVersion));
            if (node.Node.IsMaster)
            {
                if (facts.KubeconfigOwner is { } owner)
                {
                    steps.Add(new MergeKubeconfig(RunKubeadm.AdminConf, owner.KubeconfigPath, KubeconfigMerge.EntryName(nodeName), Private, owner.FileOwner));
                }
                else
                {
                    problems.Add($"the user who ran sudo ({facts.SudoUser}, from SUDO_USER) is not in {SystemAccounts.PasswdFile}, so Sixgill cannot tell "
                        + "where their ~/.kube/config goes: run as root without sudo, or unset SUDO_USER");
                }
            }
        }

        return new NodePlan(Command, steps.ToImmutable(), problems.ToImmutable(), warnings.ToImmutable());
    }

    // Runtimes load the first network config in name order and ignore the rest: one that sorts before
    // Sixgill's would be used instead of it, so up stops and names it; Sixgill never moves or deletes
    // another's file. One that sorts after is never loaded while Sixgill's is there: a note says so.
    private static void CniPrecedence(ImmutableArray<string> entries, ImmutableArray<string>.Builder problems, ImmutableArray<string>.Builder warnings)
    {
        foreach (var name in entries.Where(n => n != CniConfig.FileName && CniConfig.IsConfigFile(n)))
        {
            var path = $"{CniConfig.Directory}/{name}";
            if (CniConfig.SortsBefore(name))
            {
                problems.Add($"{path} sorts before {CniConfig.FileName}, so the container runtime would load it instead of Sixgill's "
                    + $"(runtimes take the first CNI config in name order): move it out of {CniConfig.Directory} "
                    + $"(e.g. mkdir -p /etc/cni/disabled && mv {path} /etc/cni/disabled/) or give it a name that sorts after "
                    + $"{CniConfig.FileName}, then run up again");
            }
            else
            {
                warnings.Add($"{path} is there too; runtimes load {CniConfig.FileName} first and leave it unused (Sixgill leaves it alone)");
            }
        }
    }

    // Minions pin the hash in the config; kubeadm on the master must sign with the CA of that hash.
    private static IEnumerable<string> ClusterCaProblems(Cluster cluster, string? certificatePem)
    {
        if (certificatePem is null)
        {
            if (!cluster.Insecure && cluster.TokenCertHash is not null)
            {
                yield return $"the config pins a CA (general.token_cert_hash), but this master has none in {ClusterCaFiles.Directory}: "
                    + "run `sixgill init` on this node (the master), or copy the CA there from where init ran";
            }

            yield break;
        }

        string hash;
        try
        {
            hash = ClusterCa.CertHashOf(certificatePem);
        }
        catch (CryptographicException)
        {
            hash = "";
        }

        if (hash.Length == 0)
        {
            yield return $"{ClusterCaFiles.Certificate} is not a readable certificate: run `sixgill init --force` for a new CA";
        }
        else if (!cluster.Insecure && !string.Equals(hash, cluster.TokenCertHash, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"general.token_cert_hash is not the hash of the CA in {ClusterCaFiles.Directory}, so minions would refuse this master: "
                + "run `sixgill init` on this node (it writes the hash of the CA it keeps), then `sixgill prepare` on every node";
        }
    }
}
