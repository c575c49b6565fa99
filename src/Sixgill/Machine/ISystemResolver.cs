using System.Net;

namespace Sixgill.Machine;

/// <summary>Name lookup the way every program on the node does it (getaddrinfo: /etc/hosts, then /etc/resolv.conf).</summary>
internal interface ISystemResolver
{
    /// <summary>The addresses of <paramref name="name"/>; throws (a <see cref="System.Net.Sockets.SocketException"/>) when it does not resolve.</summary>
    Task<IPAddress[]> ResolveAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default);
}
