using System.Net;
using Sixgill.Machine;

namespace Sixgill.Host.Network;

internal sealed class SystemResolver : ISystemResolver
{
    public Task<IPAddress[]> ResolveAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Dns.GetHostAddressesAsync(name, cancellationToken).WaitAsync(timeout, cancellationToken);
}
