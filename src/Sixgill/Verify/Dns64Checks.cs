using System.Net;
using Sixgill.Config;
using Sixgill.DnsProtocol;
using Sixgill.Gateway;
using Sixgill.Machine;

namespace Sixgill.Verify;

/// <summary>
/// Checks (a) and (b): the DNS64 server answers on <c>dns64.ip</c>, and its answer for the name is
/// an address inside the DNS64 prefix. When there is no good answer, they tell the DNS64 server
/// from its upstream: a server that answers its own <c>version.bind</c> (no upstream needed) but
/// not the name, or answers SERVFAIL, is up — the hop that broke is <c>remote_server</c>.
/// </summary>
internal static class Dns64Checks
{
    public const string ServerCheck = "dns64-server";

    public const string SynthesisCheck = "dns64-synthesis";

    public static async Task<(CheckResult Result, DnsResponse? Response)> ServerAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        var gateway = context.Gateway;
        var name = context.Options.Name;
        var title = $"the DNS64 server {gateway.Dns64Address} answers";
        var client = new DnsClient(context.Probes.Dns);
        var server = gateway.Dns64Address.ToIPAddress();
        var lookup = await client.QueryAsync(server, name, DnsRecordType.Aaaa, DnsClass.Internet, context.Timeout, cancellationToken: cancellationToken);

        if (lookup.Response is { } response)
        {
            var code = Code(response.ResponseCode);
            return response.ResponseCode switch
            {
                DnsResponseCode.NoError or DnsResponseCode.NameError =>
                    (CheckResult.Pass(ServerCheck, title, $"{code} for {name} AAAA"), response),
                DnsResponseCode.ServerFailure =>
                    (CheckResult.Fail(ServerCheck, title, $"SERVFAIL for {name} AAAA: the server is up, but its upstream gave it no answer",
                        context.RemoteServerHop, UpstreamHint(context)), null),
                DnsResponseCode.Refused =>
                    (CheckResult.Fail(ServerCheck, title, $"REFUSED for {name} AAAA: the server does not serve this node",
                        context.Dns64Hop, $"named.conf's allow-query lists the cluster's networks; this node must ask from one of them (its management address is {context.Node.ManagementAddress.Address})"), null),
                _ => (CheckResult.Fail(ServerCheck, title, $"{code} for {name} AAAA", context.Dns64Hop,
                        $"look at the DNS64 server's log on {gateway.NodeName} (journalctl -u sixgill-dns64)"), null),
            };
        }

        // No reply to the name. A server that still answers version.bind (answered locally) is
        // alive and waiting on its forwarder; one that answers nothing is down or out of reach.
        var alive = await client.QueryAsync(server, "version.bind", DnsRecordType.Txt, DnsClass.Chaos, context.Timeout, attempts: 1, cancellationToken);
        if (alive.Answered)
        {
            return (CheckResult.Fail(ServerCheck, title,
                $"no reply for {name} AAAA ({lookup.Detail}), but the server answers for itself (version.bind): it is waiting on its upstream",
                context.RemoteServerHop, UpstreamHint(context)), null);
        }

        return (CheckResult.Fail(ServerCheck, title, $"no reply from {gateway.Dns64Address}: {lookup.Detail}", context.Dns64Hop, DownHint(context, lookup.Error)), null);
    }

    public static async Task<(CheckResult Result, IPAddress? Address)> SynthesisAsync(VerifyContext context, DnsResponse? response, CancellationToken cancellationToken)
    {
        var gateway = context.Gateway;
        var name = context.Options.Name;
        var title = $"{name} resolves into the DNS64 prefix {gateway.Dns64Prefix} (asking {gateway.Dns64Address})";
        if (response is null)
        {
            return (CheckResult.Skip(SynthesisCheck, title, $"needs an answer from the DNS64 server ({ServerCheck} failed)"), null);
        }

        if (response.ResponseCode == DnsResponseCode.NameError)
        {
            return (CheckResult.Fail(SynthesisCheck, title, $"NXDOMAIN: {gateway.RemoteServer} says {name} does not exist", context.RemoteServerHop,
                $"give a name that {gateway.RemoteServer} knows (verify --name NAME)"), null);
        }

        var addresses = response.Addresses(DnsRecordType.Aaaa).ToList();
        if (addresses.FirstOrDefault(context.InPrefix) is { } synthesized)
        {
            return await RepeatedAsync(context, title, cancellationToken) is { } split
                ? (split, null)
                : (CheckResult.Pass(SynthesisCheck, title, $"{name} AAAA {context.Describe(synthesized)} ({Repeats + 1} of {Repeats + 1} answers synthesized)"), synthesized);
        }

        var allowAaaa = context.Plan.Cluster.Dns64?.AllowAaaaUse == true;
        if (addresses.Count > 0)
        {
            var list = string.Join(", ", addresses);
            return allowAaaa
                ? (CheckResult.Pass(SynthesisCheck, title, $"{name} has a real AAAA {list}, used as is (allow_aaaa_use: true): not through NAT64"), addresses[0])
                : (CheckResult.Fail(SynthesisCheck, title, $"{name} AAAA {list}: a real record, outside the prefix, although allow_aaaa_use is false",
                    context.Dns64Hop, $"the DNS64 server's named.conf must have 'exclude {{ any; }};' in its dns64 block: run 'sixgill prepare' on {gateway.NodeName} again"), null);
        }

        // No AAAA at all: synthesis needs an A record upstream. Ask for it to tell which hop lacks it.
        var client = new DnsClient(context.Probes.Dns);
        var a = await client.QueryAsync(gateway.Dns64Address.ToIPAddress(), name, DnsRecordType.A, DnsClass.Internet, context.Timeout, cancellationToken: cancellationToken);
        var ipv4 = a.Response?.Addresses(DnsRecordType.A).ToList() ?? [];
        return ipv4.Count > 0
            ? (CheckResult.Fail(SynthesisCheck, title, $"no AAAA for {name} although it has A {string.Join(", ", ipv4)}: the server does not synthesize",
                context.Dns64Hop, $"named.conf on {gateway.NodeName} needs 'dns64 {gateway.Dns64Prefix} {{ clients {{ any; }}; }};' in its options"), null)
            : (CheckResult.Fail(SynthesisCheck, title, $"{name} has neither AAAA nor A records at {gateway.RemoteServer}", context.RemoteServerHop,
                $"give a name with an A record at {gateway.RemoteServer} (verify --name NAME)"), null);
    }

    /// <summary>
    /// How many more times the name is asked. Each query leaves from a new port, so with two servers
    /// on the address (SO_REUSEPORT) the kernel hands some of them to the other one.
    /// </summary>
    public const int Repeats = 9;

    /// <summary>Null when every repeated answer is synthesized; else the failure naming what answered instead.</summary>
    private static async Task<CheckResult?> RepeatedAsync(VerifyContext context, string title, CancellationToken cancellationToken)
    {
        var gateway = context.Gateway;
        var name = context.Options.Name;
        var server = gateway.Dns64Address.ToIPAddress();
        var client = new DnsClient(context.Probes.Dns);
        var others = new List<string>();
        for (var i = 0; i < Repeats; i++)
        {
            var lookup = await client.QueryAsync(server, name, DnsRecordType.Aaaa, DnsClass.Internet, context.Timeout, attempts: 1, cancellationToken);
            if (lookup.Response is not { } answer || !answer.Addresses(DnsRecordType.Aaaa).Any(context.InPrefix))
            {
                others.Add(lookup.Response is { } r ? $"{Code(r.ResponseCode)} {string.Join(", ", r.Addresses(DnsRecordType.Aaaa))}".Trim() : $"no reply ({lookup.Detail})");
            }
        }

        if (others.Count == 0)
        {
            return null;
        }

        // Sixgill's named says who it is to version.bind; another server on the address says something else.
        var identities = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Repeats + 1; i++)
        {
            var who = await client.QueryAsync(server, "version.bind", DnsRecordType.Txt, DnsClass.Chaos, context.Timeout, attempts: 1, cancellationToken);
            identities.Add(who.Response?.Answers.Select(a => a.Text).OfType<string>().FirstOrDefault() ?? "(no version.bind answer)");
        }

        var foreign = identities.Where(v => v != Dns64NamedConf.Identity).ToList();
        var answered = foreign.Count > 0 ? $"; another server answers there too: version.bind says {string.Join(", ", foreign.Select(v => $"'{v}'"))}, not '{Dns64NamedConf.Identity}'" : "";
        return CheckResult.Fail(SynthesisCheck, title,
            $"{Repeats + 1 - others.Count} of {Repeats + 1} answers for {name} AAAA synthesized; the others: {string.Join("; ", others.Distinct())}{answered}",
            context.Dns64Hop,
            $"on {gateway.NodeName}, only Sixgill's named may listen on [{gateway.Dns64Address}]:53 (ss -ulpn 'sport = :53' shows who does): stop the other one, e.g. 'systemctl disable --now named.service'");
    }

    private static string UpstreamHint(VerifyContext context)
    {
        var gateway = context.Gateway;
        var hint = $"the DNS64 server on {gateway.NodeName} forwards to {gateway.RemoteServer}, which did not answer: check that {gateway.RemoteServer} serves DNS and that {gateway.NodeName} reaches it (there: dig @{gateway.RemoteServer} {context.Options.Name})";
        return context.Plan.Cluster.Dns64?.DnssecValidation == DnssecValidation.Auto
            ? hint + "; a closed lab without the DNSSEC root also gives SERVFAIL: set dns64.dnssec_validation: no"
            : hint;
    }

    private static string DownHint(VerifyContext context, DnsTransportError error)
    {
        var gateway = context.Gateway;
        var running = $"is the DNS64 server running on {gateway.NodeName}? (systemctl status sixgill-dns64; or run 'sixgill prepare' there)";
        return error switch
        {
            DnsTransportError.PortUnreachable => $"nothing listens on port 53 at {gateway.Dns64Address}: {running}",
            DnsTransportError.NoRoute => $"this node has no route to {gateway.Dns64Address}: 'sixgill prepare' adds {gateway.SupportNetwork} via {gateway.NodeName}'s management address",
            _ => $"{running}; does this node route {gateway.SupportNetwork} via {gateway.NodeName}? (ip -6 route get {gateway.Dns64Address})",
        };
    }

    private static string Code(DnsResponseCode code) => code switch
    {
        DnsResponseCode.NoError => "NOERROR",
        DnsResponseCode.FormatError => "FORMERR",
        DnsResponseCode.ServerFailure => "SERVFAIL",
        DnsResponseCode.NameError => "NXDOMAIN",
        DnsResponseCode.NotImplemented => "NOTIMP",
        DnsResponseCode.Refused => "REFUSED",
        _ => $"RCODE {(int)code}",
    };
}
