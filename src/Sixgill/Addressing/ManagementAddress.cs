using Sixgill.Values;

namespace Sixgill.Addressing;

/// <summary>
/// A node's address on the management network: <c>network + id</c>, assigned with the network's
/// length so that every other node is on-link.
/// </summary>
internal sealed record ManagementAddress(Ip Address, Prefix Network)
{
    public int Length => Network.Length;

    public IpFamily Family => Address.Family;

    /// <summary>The <c>ip addr add</c> form: <c>fd00:20::2/64</c>.</summary>
    public override string ToString() => $"{Address}/{Length}";
}
