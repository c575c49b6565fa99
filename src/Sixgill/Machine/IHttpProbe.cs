using System.Net;
using System.Net.Sockets;

namespace Sixgill.Machine;

/// <summary>Why an HTTP GET got no response; each points at a different hop.</summary>
internal enum HttpProbeError
{
    None,

    /// <summary>The name did not resolve.</summary>
    NameResolution,

    /// <summary>The connection was refused (a TCP reset): the packets reached a host, but nothing listens.</summary>
    Refused,

    /// <summary>No answer in time: packets are lost on the way there or back.</summary>
    Timeout,

    /// <summary>No route from this node.</summary>
    NoRoute,

    Other,
}

/// <summary>What one GET brought: the status and body, the address it connected to, or why it failed.</summary>
internal sealed record HttpProbeResult(int? Status, string? Body, EndPoint? Remote, HttpProbeError Error, string? Detail);

/// <summary>One HTTP GET, no proxy, no redirects.</summary>
internal interface IHttpProbe
{
    /// <param name="family">Connect only over this family (<see cref="AddressFamily.InterNetwork"/>: IPv4);
    /// <see cref="AddressFamily.Unspecified"/>: every address getaddrinfo gives, in its order.</param>
    Task<HttpProbeResult> GetAsync(Uri url, TimeSpan timeout, AddressFamily family = AddressFamily.Unspecified, CancellationToken cancellationToken = default);
}
