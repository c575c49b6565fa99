using Sixgill.Addressing;
using Sixgill.Facts;

namespace Sixgill.Planning;

/// <summary>What a command's planner gets: the cluster's address plan, which node this is, and the node's facts.</summary>
internal sealed record NodeTarget(AddressPlan Addresses, string NodeName, NodeFacts Facts)
{
    public NodeAddresses Node => Addresses[NodeName];

    /// <summary>What prepare's boot unit runs with, where systemd can run it at boot; null in plans that leave it out.</summary>
    public ReapplySource? Reapply { get; init; }
}
