using Sixgill.Host.Network;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Verify;

/// <summary>The node-side doors verify looks through; tests put fakes in their place.</summary>
internal sealed record VerifyProbes(IDnsTransport Dns, ISystemResolver Resolver, IHttpProbe Http, IProcessRunner Runner)
{
    public static VerifyProbes System() => new(new UdpDnsTransport(), new SystemResolver(), new HttpProbe(), new ProcessRunner());
}
