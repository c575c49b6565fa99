using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sixgill.DnsProtocol;
using Sixgill.Host.Network;
using Sixgill.Host.Processes;
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

    /// <summary>How long one probe waits for its answer, and how long between probes.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

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

    /// <summary>
    /// Polls from inside the internet namespace until dnsmasq answers and httpd serves the page: over
    /// sockets this process opens inside that namespace (<see cref="NetworkNamespaceThread"/>), not
    /// a probe program per try.
    /// </summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken = default)
    {
        var first = Zone.Hosts[0];
        await WaitForAsync(Dns, $"dnsmasq at {DnsAddress} to answer for {first.Name}", token => AnswersAsync(first.Name, first.IPv4, token), cancellationToken);
        await WaitForAsync(Web, $"httpd at {LabInternet.WebServer}:{WebPort.ToString(CultureInfo.InvariantCulture)} to serve the page", ServesPageAsync, cancellationToken);
    }

    private static async Task WaitForAsync(LabDaemon service, string what, Func<CancellationToken, Task<string?>> probe, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string? last = null;
        while (clock.Elapsed < ReadyTimeout)
        {
            if (!service.IsRunning)
            {
                throw new LabException($"lab internet: '{string.Join(' ', service.Command.Take(2))}' ended: {service.LogTail()}");
            }

            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attempt.CancelAfter(ProbeTimeout);
                try
                {
                    last = await probe(attempt.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    last = $"no answer within {ProbeTimeout.TotalMilliseconds} ms";
                }
                catch (SocketException e)
                {
                    last = e.Message;
                }
            }

            if (last is null)
            {
                return;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new LabException($"lab internet: no {what} within {ReadyTimeout.TotalSeconds} s: {last}");
    }

    /// <summary>A socket of the internet namespace, however it is used afterwards.</summary>
    private Socket SocketInside(SocketType type, ProtocolType protocol) =>
        NetworkNamespaceThread.Run(this.internet.Path, () => new Socket(AddressFamily.InterNetwork, type, protocol));

    /// <summary>Null when the DNS server answers <paramref name="name"/> with <paramref name="address"/>; else what it did.</summary>
    private async Task<string?> AnswersAsync(string name, string address, CancellationToken cancellationToken)
    {
        using var socket = SocketInside(SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(DnsAddress), 53), cancellationToken);
        var id = (ushort)Random.Shared.Next(ushort.MaxValue);
        await socket.SendAsync(new DnsQuery(id, name, DnsRecordType.A).Encode(), SocketFlags.None, cancellationToken);
        var buffer = new byte[1500];
        var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        var response = DnsResponse.Parse(buffer.AsSpan(0, received));
        var addresses = response.Addresses(DnsRecordType.A).Select(a => a.ToString()).ToList();
        return addresses.Contains(address) ? null : $"{name} is [{string.Join(", ", addresses)}], not {address}";
    }

    /// <summary>Null when the web server serves <see cref="Page"/> at <c>/</c>; else what it did.</summary>
    private async Task<string?> ServesPageAsync(CancellationToken cancellationToken)
    {
        using var socket = SocketInside(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(LabInternet.WebServer), WebPort), cancellationToken);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET / HTTP/1.0\r\nHost: {LabInternet.WebServer}\r\n\r\n"), SocketFlags.None, cancellationToken);
        var reply = new MemoryStream();
        var buffer = new byte[4096];
        int received;
        while ((received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
        {
            reply.Write(buffer, 0, received);
        }

        var text = Encoding.UTF8.GetString(reply.ToArray());
        var body = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0 ? text[(end + 4)..] : "";
        return body == Page ? null : $"the page is '{body.Trim()}', first line '{text.Split('\n')[0].Trim()}'";
    }
}
