using System.Diagnostics;
using System.Globalization;
using Sixgill.Host.Processes;
using Sixgill.Machine;
using Sixgill.Verify;

namespace Sixgill.Lab;

/// <summary>
/// The lab internet's two IPv4-only services (docs/lab.md), started inside its namespace through the
/// lab, which ends them by pid when it is removed: an authoritative DNS server at the config's
/// <c>remote_server</c> (dnsmasq) and a web server (BusyBox httpd) serving <see cref="Page"/>.
/// Both run detached (<see cref="LabDaemon"/>), so they outlive a <c>lab up</c> and a later
/// <c>lab down</c> stops them by pid.
/// </summary>
/// <remarks>
/// <para>dnsmasq answers only for its zone from <c>--host-record</c>s, reads no file of the machine
/// (<c>--conf-file=/dev/null --no-hosts --no-resolv</c>) and forwards nothing, so it can never send
/// a query off the machine. Its pid file goes to the lab's work directory, not the machine's /run.</para>
/// <para>BusyBox httpd instead of <c>python3 -m http.server</c>: Debian's <c>busybox</c> is one small
/// package, while python3 is not on every minimal machine. A .NET server inside the process is not
/// an option: a .NET process cannot move a thread into another network namespace safely.</para>
/// </remarks>
internal sealed class InternetServices
{
    public const int WebPort = VerifyOptions.DefaultPort;

    /// <summary>The page the web server serves at <c>/</c>.</summary>
    public const string Page = "hello from the IPv4-only web\n";

    /// <summary>How long the services get to answer after they start.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);

    private readonly LabNamespace internet;

    /// <summary>The daemons' names in the lab (and their pid and log files' names).</summary>
    public const string DnsDaemon = "dns";

    public const string WebDaemon = "web";

    private InternetServices(LabNamespace internet, LabDaemon dns, LabDaemon web, string dnsAddress, InternetZone zone)
    {
        this.internet = internet;
        Dns = dns;
        Web = web;
        DnsAddress = dnsAddress;
        Zone = zone;
    }

    public LabDaemon Dns { get; }

    public LabDaemon Web { get; }

    public string DnsAddress { get; }

    public InternetZone Zone { get; }

    /// <summary>Where the page is, by name: what an IPv6-only node fetches through DNS64 and NAT64.</summary>
    public static string WebUrl(string name = InternetZone.WebName) => VerifyOptions.DefaultUrl(name);

    /// <summary>The internet's files: the web root, the daemons' pid and log files, inside the lab's work directory.</summary>
    public static string Directory(LabNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return $"{names.WorkDirectory}/internet";
    }

    /// <summary>
    /// Starts both services in the lab's internet namespace and waits until each answers there.
    /// <paramref name="dnsAddress"/> is the config's <c>remote_server</c>; it must be one of the
    /// internet's addresses (<see cref="LabInternet.InternetAddresses"/>).
    /// </summary>
    public static async Task<InternetServices> StartAsync(VirtualLab lab, InternetZone? zone = null, string dnsAddress = LabInternet.DnsServer,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lab);
        var internet = lab.Internet ?? throw new InvalidOperationException($"lab '{lab.Name}' was made without an internet");
        if (!LabInternet.InternetAddresses.Contains(dnsAddress))
        {
            throw new ArgumentException($"{dnsAddress} is not an address of the lab internet ({string.Join(", ", LabInternet.InternetAddresses)})", nameof(dnsAddress));
        }

        zone ??= InternetZone.Default;
        var directory = Directory(lab.Layout.Names);
        var webRoot = $"{directory}/www";
        System.IO.Directory.CreateDirectory(webRoot);
        await File.WriteAllTextAsync($"{webRoot}/index.html", Page, cancellationToken);

        var dns = internet.StartDaemon(DnsDaemon, DnsCommand(zone, dnsAddress, $"{directory}/{DnsDaemon}.pid"), directory);
        var web = internet.StartDaemon(WebDaemon, WebCommand(LabInternet.WebServer, WebPort, webRoot), directory);
        var services = new InternetServices(internet, dns, web, dnsAddress, zone);
        await services.WaitUntilReadyAsync(cancellationToken);
        return services;
    }

    /// <summary>dnsmasq in the foreground, authoritative for the zone's names only, logging to stderr.</summary>
    public static IReadOnlyList<string> DnsCommand(InternetZone zone, string listenAddress, string pidFile)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return
        [
            "dnsmasq",
            "--keep-in-foreground",
            "--conf-file=/dev/null",
            "--no-resolv",
            "--no-hosts",
            "--bind-interfaces",
            "--log-facility=-",
            $"--listen-address={listenAddress}",
            $"--pid-file={pidFile}",
            .. zone.Hosts.Select(h => $"--host-record={h.Name},{h.IPv4}{(h.IPv6 is null ? "" : "," + h.IPv6)}"),
            $"--local=/{zone.Domain}/",
        ];
    }

    /// <summary>BusyBox httpd in the foreground, on one address only.</summary>
    public static IReadOnlyList<string> WebCommand(string listenAddress, int port, string root) =>
        ["busybox", "httpd", "-f", "-p", $"{listenAddress}:{port.ToString(CultureInfo.InvariantCulture)}", "-h", root];

    /// <summary>Stops the DNS server, e.g. to show that <c>verify</c> names the upstream hop.</summary>
    public Task StopDnsAsync() => Dns.StopAsync(RunningProcess.DefaultGrace);

    /// <summary>Polls from inside the internet namespace until dnsmasq answers and httpd serves the page.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken = default)
    {
        var first = Zone.Hosts[0];
        await WaitForAsync(Dns, ["busybox", "nslookup", first.Name, DnsAddress], r => r.StandardOutput.Contains(first.IPv4, StringComparison.Ordinal), cancellationToken);
        await WaitForAsync(Web, ["busybox", "wget", "-q", "-O", "-", $"http://{LabInternet.WebServer}:{WebPort.ToString(CultureInfo.InvariantCulture)}/"],
            r => r.StandardOutput == Page, cancellationToken);
    }

    private async Task WaitForAsync(LabDaemon service, IReadOnlyList<string> probe, Func<ProcessResult, bool> isReady, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        ProcessResult? last = null;
        while (clock.Elapsed < ReadyTimeout)
        {
            if (!service.IsRunning)
            {
                throw new LabException($"lab internet: '{string.Join(' ', service.Command.Take(2))}' ended: {service.LogTail()}");
            }

            last = await this.internet.RunAsync(new ProcessRequest(probe) { Timeout = TimeSpan.FromSeconds(5) }, cancellationToken);
            if (last.Succeeded && isReady(last))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        throw new LabException($"lab internet: no answer from '{string.Join(' ', probe)}' within {ReadyTimeout.TotalSeconds} s: {last?.StandardError.Trim()}");
    }
}
