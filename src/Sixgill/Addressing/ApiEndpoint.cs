using Sixgill.Values;

namespace Sixgill.Addressing;

/// <summary>Where kubeadm's control plane listens and minions join: the master's management address.</summary>
internal sealed record ApiEndpoint(Ip Address, int Port)
{
    public const int DefaultPort = 6443;

    /// <summary>
    /// <c>[fd00:20::2]:6443</c> or <c>10.192.0.2:6443</c>: an IPv6 literal needs brackets, or its
    /// last group would read as the port.
    /// </summary>
    public override string ToString() => Address.IsV6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}
