using Sixgill.Config.Binding;
using Sixgill.Values;

namespace Sixgill.Config.Rules;

/// <summary>
/// CIDR-form pod networks: each node's subnet is longer than the network, no longer than /128 (IPv6) or
/// /30 (IPv4), and at most 16 bits longer than the network (kube-controller-manager's limit on
/// <c>--node-cidr-mask-size</c> against <c>--cluster-cidr</c>). Orca's form is checked while binding (SG034).
/// </summary>
internal static class PodSubnetRules
{
    private const int MaxNodeBits = 16;

    public static void Check(ClusterDraft draft, List<Diagnostic> diagnostics)
    {
        foreach (var pod in draft.Pod.Bound.Where(p => !p.IsOrcaForm))
        {
            if (Problem(pod) is not { } problem)
            {
                continue;
            }

            var size = pod.NodeSize.Value;
            var subject = pod.NodeSizeGiven
                ? $"pod_net.node_size {size}"
                : $"the default node subnet length /{size} ({pod.Cidr.Key} + {size - pod.Cidr.Value.Length})";
            diagnostics.Error(DiagnosticCodes.PodNodeSize, pod.NodeSize.Position, $"{subject} {problem}",
                pod.NodeSizeGiven ? $"use a length from /{Shortest(pod)} to /{Longest(pod)}" : "give pod_net.node_size, or use a larger pod network");
        }
    }

    /// <summary>True when the node subnets of this family can be counted (no SG035).</summary>
    public static bool HasValidNodeSize(PodFamily pod) => pod.IsOrcaForm || Problem(pod) is null;

    private static string? Problem(PodFamily pod)
    {
        var network = pod.Cidr.Value;
        var size = pod.NodeSize.Value;
        if (size <= network.Length)
        {
            return $"must be longer than the pod network's /{network.Length}";
        }

        if (size > MaxLength(network.Family))
        {
            return $"is longer than /{MaxLength(network.Family)}, the longest node subnet for {FamilyNeed.Name(network.Family)}";
        }

        return size - network.Length > MaxNodeBits
            ? $"is {size - network.Length} bits longer than the pod network's /{network.Length}; kube-controller-manager allows at most {MaxNodeBits}"
            : null;
    }

    /// <summary>IPv4 node subnets keep at least four addresses: network, pod gateway, one pod, broadcast.</summary>
    private static int MaxLength(IpFamily family) => family == IpFamily.V6 ? 128 : 30;

    private static int Shortest(PodFamily pod) => pod.Cidr.Value.Length + 1;

    private static int Longest(PodFamily pod) => Math.Min(MaxLength(pod.Cidr.Value.Family), pod.Cidr.Value.Length + MaxNodeBits);
}
