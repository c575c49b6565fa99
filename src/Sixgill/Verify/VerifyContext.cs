using System.Net;
using Sixgill.Addressing;
using Sixgill.Values;

namespace Sixgill.Verify;

/// <summary>Everything a check needs: where this node is in the plan, what to look up, and the doors to the node.</summary>
internal sealed record VerifyContext(AddressPlan Plan, NodeAddresses Node, VerifyOptions Options, VerifyProbes Probes)
{
    public GatewayServices Gateway => Plan.Gateway ?? throw new InvalidOperationException("this cluster has no DNS64/NAT64 gateway");

    public TimeSpan Timeout => Options.EffectiveTimeout;

    /// <summary>The upstream hop's name, the one a failure points at when the DNS64 server's forwarder is silent.</summary>
    public string RemoteServerHop => $"remote_server {Gateway.RemoteServer}";

    public string Dns64Hop => $"DNS64 server {Gateway.Dns64Address} on {Gateway.NodeName}";

    public string PrefixRouteHop => $"route to {Gateway.Dns64Prefix}";

    public string Nat64Hop => $"NAT64 on {Gateway.NodeName}";

    public bool InPrefix(IPAddress address) => Gateway.Dns64Prefix.Contains(Ip.FromIPAddress(address));

    /// <summary>
    /// "fd00:10:64:ff9b::cb00:7150 (203.0.113.80 behind the prefix)": the IPv4 address an address
    /// of the prefix stands for, so the report shows what NAT64 will reach.
    /// </summary>
    public string Describe(IPAddress address) =>
        InPrefix(address) && Rfc6052.IsAllowedLength(Gateway.Dns64Prefix.Length)
            ? $"{address} ({Rfc6052.Extract(Gateway.Dns64Prefix, Ip.FromIPAddress(address))} behind the DNS64 prefix)"
            : address.ToString();
}
