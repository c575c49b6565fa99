using System.CommandLine;
using Sixgill.Addressing;
using Sixgill.Cli.Change;
using Sixgill.Cli.Fleet;
using Sixgill.DnsProtocol;
using Sixgill.Verify;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill verify</c>: from this node (or <c>--host</c>), hop by hop, that IPv4-only sites are
/// reached by name through DNS64 and NAT64, and that every other node answers. Changes nothing.
/// Exit 0 when every check passed, 1 when one failed.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = new Option<string>("--name")
        {
            Description = "a name with an A record at remote_server",
            DefaultValueFactory = _ => Lab.InternetZone.WebName,
            HelpName = "NAME",
        };
        var url = new Option<string?>("--url")
        {
            Description = "what to fetch through NAT64 (default: http://NAME:8080/, the lab's web server)",
            HelpName = "URL",
        };
        var expect = new Option<string?>("--expect")
        {
            Description = "text the page must contain",
            HelpName = "TEXT",
        };
        var timeout = new Option<double?>("--timeout")
        {
            Description = "seconds one DNS query, lookup, route query or ping may take (HTTP twice that; default 3)",
            HelpName = "SECONDS",
        };
        var command = new Command("verify", "check, hop by hop, that this node reaches IPv4-only sites through DNS64/NAT64")
        {
            name,
            url,
            expect,
            timeout,
        };
        FleetGate.SetActions(command, options, (result, cancellationToken) =>
            RunAsync(Invocation.From(result, options), result.GetValue(name)!, result.GetValue(url), result.GetValue(expect), result.GetValue(timeout), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(Invocation invocation, string name, string? url, string? expect, double? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var cluster = ValidatedCluster.Load(invocation, requireHost: true);
        if (timeoutSeconds is <= 0 or > 600)
        {
            throw new SixgillException(ExitCodes.BadInput, $"--timeout {timeoutSeconds} is not between 0 and 600 seconds", "give a number of seconds such as 3");
        }

        Uri? target = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out target) || target.Scheme != Uri.UriSchemeHttp))
        {
            throw new SixgillException(ExitCodes.BadInput, $"--url '{url}' is not an http:// URL", "give a URL like http://web.example.test:8080/");
        }

        VerifyOptions options;
        try
        {
            options = new VerifyOptions(name, target, expect, timeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
            _ = DnsQuery.EncodeName(name);
        }
        catch (ArgumentException e)
        {
            throw new SixgillException(ExitCodes.BadInput, $"--name: {e.Message}", "give a DNS name such as web.example.test");
        }

        var report = await VerifyRunner.RunAsync(cluster, AddressPlan.For(cluster), invocation.NodeName, options, LocalAdapters.VerifyProbes(), cancellationToken);
        if (invocation.Json)
        {
            await invocation.Out.WriteAsync(report.ToJson());
        }
        else
        {
            report.WriteText(invocation.Out);
        }

        // A failed check is not a failed change, but 1 is what scripts test for "not good".
        return report.Passed ? ExitCodes.Done : ExitCodes.ChangeFailed;
    }
}
