using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.DnsProtocol;
using Sixgill.Machine;
using Sixgill.Tests.Addressing;
using Sixgill.Tests.Engine.Fakes;
using Sixgill.Verify;

namespace Sixgill.Tests.Verify;

/// <summary>The hop-by-hop diagnosis, with every door of the node replaced by a fake that breaks one hop.</summary>
public sealed class VerifyRunnerTests
{
    private readonly FakeDns dns = FakeDns.Healthy();
    private readonly FakeResolver resolver = new();
    private readonly FakeHttp http = new();
    private readonly FakeProcessRunner runner = MinionPrograms.Runner();

    private async Task<VerifyReport> RunAsync(string node = "w1", Cluster? cluster = null, VerifyOptions? options = null)
    {
        cluster ??= TestClusters.Lab();
        return await VerifyRunner.RunAsync(cluster, AddressPlan.For(cluster), node, options ?? new VerifyOptions(ExpectedText: "hello"),
            new VerifyProbes(dns, this.resolver, this.http, runner), TestContext.Current.CancellationToken);
    }

    private static CheckResult Check(VerifyReport report, string name) => report.Checks.Single(c => c.Name == name);

    private static DnsExchange Reply(byte[] query, DnsResponseCode code, params DnsWire.Answer[] answers) =>
        new(DnsWire.Reply(query, code, answers), DnsTransportError.None, null);

    [Fact]
    public async Task A_healthy_minion_passes_every_check_in_path_order()
    {
        var report = await RunAsync();

        report.Passed.ShouldBeTrue(string.Join("\n", report.Checks.Select(c => $"{c.Name}: {c.Detail}")));
        report.Checks.Select(c => c.Name).ShouldBe(["dns64-server", "dns64-synthesis", "system-resolver", "route-to-prefix", "http-by-name", "peer-gw", "peer-w2"]);
        Check(report, "dns64-synthesis").Detail.ShouldBe("web.example.test AAAA fd00:10:64:ff9b::cb00:7150 (203.0.113.80 behind the DNS64 prefix) (10 of 10 answers synthesized)");
        Check(report, "route-to-prefix").Detail.ShouldBe("fd00:10:64:ff9b::cb00:7150 via fd00:20::2 dev eth1 src fd00:20::3");
        dns.Asked.ShouldAllBe(q => q.Server.Equals(new IPEndPoint(IPAddress.Parse("fd00:10::100"), 53)));
    }

    [Fact]
    public async Task A_second_server_on_the_dns64_address_that_answers_some_queries_is_named_by_its_version()
    {
        // Two servers on one address (SO_REUSEPORT): every other query reaches the distribution's named.
        var healthy = FakeDns.Healthy().Answer;
        var count = 0;
        this.dns.Answer = (question, server, query) => count++ % 2 == 0
            ? healthy(question, server, query)
            : new DnsExchange(question.QuestionType == DnsRecordType.Txt
                ? DnsWire.Reply(query, DnsResponseCode.NoError, DnsWire.Txt("9.18.41-1~deb12u1-Debian"))
                : DnsWire.Reply(query, DnsResponseCode.ServerFailure), DnsTransportError.None, null);

        var report = await RunAsync();

        var synthesis = Check(report, "dns64-synthesis");
        synthesis.Outcome.ShouldBe(CheckOutcome.Failed);
        synthesis.Detail.ShouldContain("of 10 answers for web.example.test AAAA synthesized; the others: SERVFAIL");
        synthesis.Detail.ShouldContain("version.bind says '9.18.41-1~deb12u1-Debian', not 'sixgill-dns64'");
        synthesis.Hop.ShouldBe("DNS64 server fd00:10::100 on gw");
        synthesis.Hint!.ShouldContain("systemctl disable --now named.service");
    }

    [Fact]
    public async Task Peers_are_pinged_at_their_management_addresses()
    {
        await RunAsync();

        var pings = runner.Requests.Select(r => r.Command).Where(c => c[0] == "ping").ToList();
        pings.Select(c => c[^1]).Order().ShouldBe(["fd00:20::2", "fd00:20::4"]);
        pings[0].ShouldBe(["ping", "-6", "-c", "1", "-W", "1", pings[0][^1]]);
    }

    [Fact]
    public async Task A_stopped_dns64_server_is_named_as_the_hop()
    {
        dns.Answer = (_, _, _) => DnsExchange.Failed(DnsTransportError.PortUnreachable, "port 53 unreachable: nothing listens there");

        var report = await RunAsync();

        var server = Check(report, "dns64-server");
        server.Outcome.ShouldBe(CheckOutcome.Failed);
        server.Hop.ShouldBe("DNS64 server fd00:10::100 on gw");
        server.Hint!.ShouldContain("nothing listens on port 53");
        Check(report, "dns64-synthesis").Outcome.ShouldBe(CheckOutcome.Skipped);
        report.FirstFailure!.Hop.ShouldBe("DNS64 server fd00:10::100 on gw");
    }

    [Fact]
    public async Task A_servfail_names_the_upstream_remote_server()
    {
        dns.Answer = (question, _, query) => Reply(query, question.QuestionType == DnsRecordType.Txt ? DnsResponseCode.NoError : DnsResponseCode.ServerFailure);

        var report = await RunAsync();

        var server = Check(report, "dns64-server");
        server.Outcome.ShouldBe(CheckOutcome.Failed);
        server.Hop.ShouldBe("remote_server 203.0.113.53");
        server.Detail.ShouldContain("SERVFAIL");
        server.Hint!.ShouldContain("dig @203.0.113.53 web.example.test");
        server.Hint!.ShouldNotContain("dnssec_validation", Case.Sensitive, "lab.yaml already has it off");
    }

    [Fact]
    public async Task When_the_upstream_fails_the_resolver_and_http_fail_at_the_same_hop_not_at_resolv_conf()
    {
        dns.Answer = (_, _, query) => Reply(query, DnsResponseCode.ServerFailure);
        this.resolver.Answer = _ => throw new SocketException((int)SocketError.TryAgain);
        this.http.Answer = _ => new HttpProbeResult(null, null, null, HttpProbeError.NameResolution, "Resource temporarily unavailable");

        var report = await RunAsync();

        Check(report, "system-resolver").Hop.ShouldBe("remote_server 203.0.113.53");
        Check(report, "http-by-name").Hop.ShouldBe("remote_server 203.0.113.53");
        Check(report, "route-to-prefix").Outcome.ShouldBe(CheckOutcome.Passed);
    }

    [Fact]
    public async Task A_silent_upstream_while_the_server_answers_for_itself_names_remote_server()
    {
        dns.Answer = (question, _, query) => question.QuestionType == DnsRecordType.Txt
            ? Reply(query, DnsResponseCode.NoError, DnsWire.Txt("9.18"))
            : DnsExchange.Failed(DnsTransportError.Timeout, "no reply within 3 s");

        var report = await RunAsync();

        var server = Check(report, "dns64-server");
        server.Hop.ShouldBe("remote_server 203.0.113.53");
        server.Detail.ShouldContain("version.bind");
        dns.Asked.Count(q => q.Type == DnsRecordType.Aaaa).ShouldBe(2, "a lost datagram gets a second try");
    }

    [Fact]
    public async Task Silence_from_everything_names_the_dns64_server_and_the_route_to_it()
    {
        dns.Answer = (_, _, _) => DnsExchange.Failed(DnsTransportError.Timeout, "no reply within 3 s");

        var server = Check(await RunAsync(), "dns64-server");

        server.Hop.ShouldBe("DNS64 server fd00:10::100 on gw");
        server.Hint!.ShouldContain("fd00:10::/64 via gw");
    }

    [Fact]
    public async Task A_closed_lab_with_dnssec_validation_auto_is_told_why_servfail()
    {
        dns.Answer = (_, _, query) => Reply(query, DnsResponseCode.ServerFailure);
        var cluster = TestClusters.Lab() with { Dns64 = TestClusters.Lab().Dns64! with { DnssecValidation = DnssecValidation.Auto } };

        Check(await RunAsync(cluster: cluster), "dns64-server").Hint!.ShouldContain("dnssec_validation: no");
    }

    [Fact]
    public async Task A_refusal_says_the_node_is_not_among_the_allowed_networks()
    {
        dns.Answer = (_, _, query) => Reply(query, DnsResponseCode.Refused);

        var server = Check(await RunAsync(), "dns64-server");

        server.Hop.ShouldBe("DNS64 server fd00:10::100 on gw");
        server.Hint!.ShouldContain("allow-query");
    }

    [Fact]
    public async Task An_unknown_name_points_at_the_upstream()
    {
        dns.Answer = (_, _, query) => Reply(query, DnsResponseCode.NameError);

        var report = await RunAsync();

        Check(report, "dns64-server").Outcome.ShouldBe(CheckOutcome.Passed);
        Check(report, "dns64-synthesis").Hop.ShouldBe("remote_server 203.0.113.53");
        Check(report, "dns64-synthesis").Detail.ShouldContain("NXDOMAIN");
    }

    [Fact]
    public async Task An_A_record_without_a_synthesized_AAAA_blames_the_dns64_config()
    {
        dns.Answer = (question, _, query) => question.QuestionType == DnsRecordType.A
            ? Reply(query, DnsResponseCode.NoError, DnsWire.Address("203.0.113.80"))
            : Reply(query, DnsResponseCode.NoError);

        var synthesis = Check(await RunAsync(), "dns64-synthesis");

        synthesis.Hop.ShouldBe("DNS64 server fd00:10::100 on gw");
        synthesis.Detail.ShouldContain("does not synthesize");
    }

    [Fact]
    public async Task A_name_without_any_address_upstream_blames_the_upstream()
    {
        dns.Answer = (_, _, query) => Reply(query, DnsResponseCode.NoError);

        Check(await RunAsync(), "dns64-synthesis").Hop.ShouldBe("remote_server 203.0.113.53");
    }

    [Fact]
    public async Task A_real_AAAA_fails_unless_allow_aaaa_use()
    {
        dns.Answer = (_, _, query) => Reply(query, DnsResponseCode.NoError, DnsWire.Address("2001:db8:80::80"));
        this.resolver.Answer = _ => [IPAddress.Parse("2001:db8:80::80")];
        var allowing = TestClusters.Lab() with { Dns64 = TestClusters.Lab().Dns64! with { AllowAaaaUse = true } };

        Check(await RunAsync(), "dns64-synthesis").Outcome.ShouldBe(CheckOutcome.Failed);
        Check(await RunAsync(cluster: allowing), "dns64-synthesis").Outcome.ShouldBe(CheckOutcome.Passed);
        Check(await RunAsync(cluster: allowing), "system-resolver").Outcome.ShouldBe(CheckOutcome.Passed);
    }

    [Fact]
    public async Task A_resolver_that_does_not_ask_the_dns64_server_is_named()
    {
        this.resolver.Answer = _ => [IPAddress.Parse("203.0.113.80")];

        var resolver = Check(await RunAsync(), "system-resolver");

        resolver.Outcome.ShouldBe(CheckOutcome.Failed);
        resolver.Hop.ShouldBe("resolver /etc/resolv.conf");
        resolver.Detail.ShouldContain("203.0.113.80");
        resolver.Hint!.ShouldContain("fd00:10::100");
    }

    [Fact]
    public async Task A_name_the_resolver_cannot_find_is_a_resolver_failure()
    {
        this.resolver.Answer = _ => throw new SocketException((int)SocketError.HostNotFound);

        Check(await RunAsync(), "system-resolver").Hop.ShouldBe("resolver /etc/resolv.conf");
    }

    [Fact]
    public async Task A_missing_route_says_which_route_prepare_adds()
    {
        runner.When(c => c[0] == "ip", "", 2, "RTNETLINK answers: Network is unreachable\n");

        var route = Check(await RunAsync(), "route-to-prefix");

        route.Outcome.ShouldBe(CheckOutcome.Failed);
        route.Hop.ShouldBe("route to fd00:10:64:ff9b::/96");
        route.Detail.ShouldContain("Network is unreachable");
        route.Hint.ShouldBe("'sixgill prepare' adds 'fd00:10:64:ff9b::/96 via fd00:20::2 dev eth1'");
    }

    [Fact]
    public async Task A_route_through_another_router_is_a_failure()
    {
        runner.When(c => c[0] == "ip", """[{"dst":"fd00:10:64:ff9b::cb00:7150","gateway":"fd00:20::99","dev":"eth1"}]""");

        Check(await RunAsync(), "route-to-prefix").Detail.ShouldContain("not via fd00:20::2 (gw)");
    }

    [Fact]
    public async Task On_the_gateway_the_prefix_must_go_into_the_tunnel()
    {
        runner.When(c => c[0] == "ip", """[{"dst":"fd00:10:64:ff9b::cb00:7150","dev":"nat64","prefsrc":"fd00:20::2"}]""");

        var report = await RunAsync("gw");

        Check(report, "route-to-prefix").Outcome.ShouldBe(CheckOutcome.Passed);
        report.Checks.Select(c => c.Name).ShouldContain("peer-w1");
        report.Checks.Select(c => c.Name).ShouldNotContain("peer-gw");
    }

    [Fact]
    public async Task When_dns_fails_the_route_is_still_checked_with_a_stand_in_address()
    {
        dns.Answer = (_, _, _) => DnsExchange.Failed(DnsTransportError.PortUnreachable, "port 53 unreachable");
        this.resolver.Answer = _ => throw new SocketException((int)SocketError.TryAgain);

        await RunAsync();

        // remote_server 203.0.113.53 as DNS64 would synthesize it.
        runner.Commands.Single(c => c.StartsWith("ip ", StringComparison.Ordinal)).ShouldBe("ip -j route get fd00:10:64:ff9b::cb00:7135");
    }

    [Fact]
    public async Task Silence_over_HTTP_points_at_NAT64_on_the_gateway()
    {
        this.http.Answer = _ => new HttpProbeResult(null, null, null, HttpProbeError.Timeout, "no response within 6 s");

        var http = Check(await RunAsync(), "http-by-name");

        http.Hop.ShouldBe("NAT64 on gw");
        http.Hint!.ShouldContain("nft table ip sixgill masquerades 198.51.100.128/25");
        http.Detail.ShouldContain("203.0.113.80 behind the DNS64 prefix");
    }

    [Fact]
    public async Task A_reset_over_HTTP_points_at_the_IPv4_server_because_NAT64_carried_it()
    {
        this.http.Answer = _ => new HttpProbeResult(null, null, new IPEndPoint(IPAddress.Parse("fd00:10:64:ff9b::cb00:7150"), 8080), HttpProbeError.Refused, "Connection refused");

        Check(await RunAsync(), "http-by-name").Hop.ShouldBe("IPv4 server 203.0.113.80 port 8080");
    }

    [Fact]
    public async Task A_page_without_the_expected_text_fails()
    {
        this.http.Answer = _ => new HttpProbeResult(200, "something else", null, HttpProbeError.None, null);

        Check(await RunAsync(), "http-by-name").Outcome.ShouldBe(CheckOutcome.Failed);
    }

    [Fact]
    public async Task The_url_defaults_to_the_lab_web_server_by_name()
    {
        Uri? asked = null;
        this.http.Answer = url =>
        {
            asked = url;
            return new HttpProbeResult(200, "hello", null, HttpProbeError.None, null);
        };

        await RunAsync(options: new VerifyOptions());

        asked.ShouldBe(new Uri("http://web.example.test:8080/"));
    }

    [Fact]
    public async Task A_silent_peer_is_named_with_its_address()
    {
        runner.When(c => c[0] == "ping" && c[^1] == "fd00:20::4", "1 packets transmitted, 0 received", exitCode: 1);

        var report = await RunAsync();

        var peer = Check(report, "peer-w2");
        peer.Outcome.ShouldBe(CheckOutcome.Failed);
        peer.Hop.ShouldBe("w2 fd00:20::4");
        peer.Hint!.ShouldContain("fd00:20::4/64 must be on its eth1");
        Check(report, "peer-gw").Outcome.ShouldBe(CheckOutcome.Passed);
        report.Passed.ShouldBeFalse();
    }

    [Fact]
    public async Task Dual_stack_checks_its_own_way_out_by_name_over_IPv4_and_skips_IPv6_where_the_name_has_none()
    {
        this.resolver.Answer = _ => [IPAddress.Parse("203.0.113.80")];
        this.http.Answer = _ => new HttpProbeResult(200, "hello from the IPv4-only web\n", new IPEndPoint(IPAddress.Parse("203.0.113.80").MapToIPv6(), 8080), HttpProbeError.None, null);

        var report = await RunAsync("wk1", TestClusters.DualStack());

        report.Checks.Select(c => (c.Name, c.Outcome)).ShouldBe([
            ("resolve-by-name", CheckOutcome.Passed), ("http-by-name-ipv4", CheckOutcome.Passed), ("http-by-name-ipv6", CheckOutcome.Skipped), ("peer-cp1", CheckOutcome.Passed)]);
        Check(report, "http-by-name-ipv4").Detail.ShouldBe("HTTP 200 from 203.0.113.80 port 8080 over IPv4, 29 characters");
        Check(report, "http-by-name-ipv6").Detail.ShouldContain("has no IPv6 address");
        this.http.Families.ShouldBe([AddressFamily.InterNetwork]);
        this.dns.Asked.ShouldBeEmpty();
        report.Passed.ShouldBeTrue();
        report.Claims.ShouldBe(["reached the web server by name over IPv4"]);
    }

    [Fact]
    public async Task Dual_stack_checks_IPv6_too_where_the_name_has_an_IPv6_address()
    {
        this.resolver.Answer = _ => [IPAddress.Parse("2001:db8:80::80"), IPAddress.Parse("203.0.113.80")];

        var report = await RunAsync("wk1", TestClusters.DualStack());

        Check(report, "http-by-name-ipv6").Outcome.ShouldBe(CheckOutcome.Passed);
        this.http.Families.ShouldBe([AddressFamily.InterNetwork, AddressFamily.InterNetworkV6]);
        report.Claims.ShouldBe(["reached the web server by name over IPv4", "reached the web server by name over IPv6"]);
    }

    [Fact]
    public async Task Ipv4_mode_checks_the_way_out_over_IPv4_only_and_names_the_hop_that_broke()
    {
        this.resolver.Answer = _ => [IPAddress.Parse("203.0.113.80")];
        this.http.Answer = _ => new HttpProbeResult(null, null, null, HttpProbeError.NoRoute, "Network is unreachable");
        using var text = new StringWriter();

        var report = await RunAsync("wk1", TestClusters.Ipv4());
        report.WriteText(text);

        report.Checks.Select(c => c.Name).ShouldBe(["resolve-by-name", "http-by-name-ipv4", "peer-cp1"]);
        var http = Check(report, "http-by-name-ipv4");
        http.Outcome.ShouldBe(CheckOutcome.Failed);
        http.Hop.ShouldBe("IPv4 path to 203.0.113.80");
        report.Passed.ShouldBeFalse();
        text.ToString().TrimEnd().Split('\n')[^1].ShouldEndWith("broken at IPv4 path to 203.0.113.80");
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_fails_at_the_resolver_and_the_fetch_is_skipped()
    {
        this.resolver.Answer = _ => throw new SocketException((int)SocketError.HostNotFound);

        var report = await RunAsync("wk1", TestClusters.Ipv4());

        Check(report, "resolve-by-name").Hop.ShouldBe("resolver /etc/resolv.conf");
        Check(report, "http-by-name-ipv4").Outcome.ShouldBe(CheckOutcome.Skipped);
        report.Claims.ShouldBeEmpty();
    }

    [Fact]
    public void A_run_whose_way_out_checks_all_skipped_proves_nothing_and_says_so()
    {
        var report = new VerifyReport("wk1", "ipv4", "web.example.test",
            [CheckResult.Skip("http-by-name-ipv4", "HTTP", "not run"), CheckResult.Pass("peer-cp1", "ping", "ok")], TimeSpan.Zero);
        using var text = new StringWriter();

        report.WriteText(text);

        report.Passed.ShouldBeFalse();
        text.ToString().TrimEnd().Split('\n')[^1].ShouldContain("nothing about reaching the web server is proven");
        JsonDocument.Parse(report.ToJson()).RootElement.GetProperty("proven").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_text_report_shows_each_check_and_where_the_path_broke()
    {
        dns.Answer = (_, _, query) => Reply(query, DnsResponseCode.ServerFailure);
        using var text = new StringWriter();

        (await RunAsync()).WriteText(text);

        var output = text.ToString();
        output.ShouldStartWith("verify on w1 (mode ipv6), name web.example.test\n");
        output.ShouldContain("  FAIL  dns64-server");
        output.ShouldContain("hop: remote_server 203.0.113.53");
        output.ShouldContain("fix: the DNS64 server on gw forwards to 203.0.113.53");
        output.TrimEnd().Split('\n')[^1].ShouldEndWith("broken at remote_server 203.0.113.53");
    }

    [Fact]
    public async Task The_json_report_has_every_check_with_its_outcome_and_time()
    {
        using var json = JsonDocument.Parse((await RunAsync()).ToJson());
        var root = json.RootElement;

        root.GetProperty("node").GetString().ShouldBe("w1");
        root.GetProperty("passed").GetBoolean().ShouldBeTrue();
        root.GetProperty("passedCount").GetInt32().ShouldBe(7);
        root.TryGetProperty("brokenHop", out _).ShouldBeFalse();
        json.RootElement.ToString().ShouldNotContain("\\u0027");
        var first = root.GetProperty("checks")[0];
        first.GetProperty("name").GetString().ShouldBe("dns64-server");
        first.GetProperty("outcome").GetString().ShouldBe("passed");
        first.GetProperty("elapsedMs").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task An_unknown_node_is_refused()
    {
        await Should.ThrowAsync<ArgumentException>(() => RunAsync("nope"));
    }
}
