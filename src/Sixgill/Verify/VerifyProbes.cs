using Sixgill.Machine;

namespace Sixgill.Verify;

/// <summary>The node-side doors verify looks through: the real ones come from the CLI's composition root, tests put fakes in their place.</summary>
internal sealed record VerifyProbes(IDnsTransport Dns, ISystemResolver Resolver, IHttpProbe Http, IProcessRunner Runner);
