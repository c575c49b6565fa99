using Sixgill.Values;

namespace Sixgill.Addressing;

/// <summary>
/// The slice of the pod network that one node hands out to its pods (§4.2), and the address the
/// node's CNI bridge takes in it (<c>subnet + 1</c>), which pods use as their default gateway.
/// </summary>
internal sealed record PodSubnet(Prefix Subnet, Ip Gateway)
{
    public IpFamily Family => Subnet.Family;

    public override string ToString() => Subnet.ToString();
}
