using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Gateway;
using Sixgill.Tests.Addressing;
using Sixgill.Tests.Explain;

namespace Sixgill.Tests.Gateway;

public sealed class GatewayRendererTests
{
    private static AddressPlan Lab(bool allowAaaaUse = false) =>
        AddressPlan.For(TestClusters.Lab() with { Dns64 = TestClusters.Lab().Dns64! with { AllowAaaaUse = allowAaaaUse } });

    private static List<string> Lines(string text) => text.Split('\n').Select(l => l.Trim()).ToList();

    [Fact]
    public void The_lab_files_match_their_golden_copies()
    {
        var plan = Lab();

        Dns64NamedConf.Render(plan).ShouldMatchGolden("lab-named.conf");
        Nat64TaygaConf.Render(plan).ShouldMatchGolden("lab-tayga.conf");
        Nat44Ruleset.Render(plan).ShouldMatchGolden("lab-nat44.nft");
        SystemdUnits.Render(plan)[0].Text.ShouldMatchGolden("lab-sixgill-dns64.service");
        SystemdUnits.Render(plan)[1].Text.ShouldMatchGolden("lab-sixgill-nat64.service");
    }

    [Fact]
    public void Named_listens_only_on_the_dns64_address_and_forwards_only_to_the_remote_server()
    {
        var lines = Lines(Dns64NamedConf.Render(Lab()));

        lines.ShouldContain("listen-on-v6 { fd00:10::100; };");
        lines.ShouldContain("listen-on { none; };");
        lines.ShouldContain("recursion yes;");
        lines.ShouldContain("forwarders { 203.0.113.53; };");
        lines.ShouldContain("forward only;");
        lines.ShouldContain("controls { };");
        lines.ShouldContain("dns64 fd00:10:64:ff9b::/96 {");
        lines.ShouldContain("clients { any; };");
    }

    [Fact]
    public void Named_answers_only_the_cluster_networks_and_loopback()
    {
        const string clients = "{ fd00:20::/64; fd00:40::/64; fd00:10::/64; 198.51.100.0/24; ::1; 127.0.0.1; };";
        var lines = Lines(Dns64NamedConf.Render(Lab()));

        lines.ShouldContain("allow-query " + clients);
        lines.ShouldContain("allow-recursion " + clients);
        lines.ShouldNotContain(l => l.Contains("any", StringComparison.Ordinal) && l.StartsWith("allow-", StringComparison.Ordinal));
    }

    [Fact]
    public void Real_AAAA_records_are_excluded_unless_allow_aaaa_use()
    {
        Lines(Dns64NamedConf.Render(Lab(allowAaaaUse: false))).ShouldContain("exclude { any; };");
        Lines(Dns64NamedConf.Render(Lab(allowAaaaUse: true))).ShouldNotContain("exclude { any; };");
    }

    [Theory]
    [InlineData(false, "dnssec-validation no;")]
    [InlineData(true, "dnssec-validation auto;")]
    public void Dnssec_validation_comes_from_the_config(bool auto, string expected)
    {
        var validation = auto ? DnssecValidation.Auto : DnssecValidation.No;
        var cluster = TestClusters.Lab() with { Dns64 = TestClusters.Lab().Dns64! with { DnssecValidation = validation } };

        Lines(Dns64NamedConf.Render(AddressPlan.For(cluster))).ShouldContain(expected);
    }

    [Fact]
    public void Orca_names_its_own_networks_and_its_remote_server()
    {
        var text = Dns64NamedConf.Render(AddressPlan.For(TestClusters.Orca()));

        text.ShouldContain("forwarders { 64.102.6.247; };");
        text.ShouldContain("fd00:10::/64; 172.18.0.0/16; ::1;");
        text.ShouldContain("dnssec-validation auto;");
        text.ShouldContain("// Sixgill's DNS64 server (docs/gateway.md), written by 'sixgill prepare' on my-master.");
    }

    [Fact]
    public void Every_file_of_an_instance_lives_under_the_state_directory_given()
    {
        var paths = new GatewayPaths("/tmp/sg-test/etc", "/tmp/sg-test/state", "/tmp/sg-test/run");
        var lines = Lines(Dns64NamedConf.Render(Lab(), paths));

        lines.ShouldContain("directory \"/tmp/sg-test/state/dns64\";");
        lines.ShouldContain("pid-file \"/tmp/sg-test/run/dns64/named.pid\";");
        lines.ShouldContain("session-keyfile \"/tmp/sg-test/state/dns64/session.key\";");
        Lines(Nat64TaygaConf.Render(Lab(), paths)).ShouldContain("data-dir /tmp/sg-test/state/nat64");
        paths.Dns64Config.ShouldBe("/tmp/sg-test/etc/dns64/named.conf");
        paths.Nat64Config.ShouldBe("/tmp/sg-test/etc/nat64/tayga.conf");
        paths.Nat64PidFile.ShouldBe("/tmp/sg-test/run/nat64/tayga.pid");
    }

    [Fact]
    public void The_default_paths_are_those_of_the_spec()
    {
        GatewayPaths.Default.Dns64Config.ShouldBe("/etc/sixgill/dns64/named.conf");
        GatewayPaths.Default.Dns64StateDirectory.ShouldBe("/var/lib/sixgill/dns64");
        GatewayPaths.Default.Nat64Config.ShouldBe("/etc/sixgill/nat64/tayga.conf");
        GatewayPaths.Default.Nat64StateDirectory.ShouldBe("/var/lib/sixgill/nat64");
        GatewayPaths.Default.Dns64PidFile.ShouldBe("/run/sixgill/dns64/named.pid");
        GatewayPaths.Default.Nat64PidFile.ShouldBe("/run/sixgill/nat64/tayga.pid");
    }

    [Fact]
    public void Tayga_gets_its_addresses_prefix_and_pool_from_the_plan()
    {
        var lines = Lines(Nat64TaygaConf.Render(AddressPlan.For(TestClusters.Orca())));

        lines.ShouldContain("tun-device nat64");
        lines.ShouldContain("ipv4-addr 172.18.0.200");
        lines.ShouldContain("ipv6-addr fd00:10::200");
        lines.ShouldContain("prefix fd00:10:64:ff9b::/96");
        lines.ShouldContain("dynamic-pool 172.18.0.128/25");
        lines.ShouldContain("data-dir /var/lib/sixgill/nat64");
    }

    [Fact]
    public void The_nat44_table_is_sixgills_own_replaced_whole_and_masquerades_only_the_pool()
    {
        var lines = Lines(Nat44Ruleset.Render(Lab()));

        lines.Where(l => !l.StartsWith('#') && l.Length > 0).Take(3).ShouldBe(["table ip sixgill", "delete table ip sixgill", "table ip sixgill {"]);
        lines.ShouldContain("type nat hook postrouting priority srcnat; policy accept;");
        lines.ShouldContain("ip saddr 198.51.100.128/25 masquerade");
        lines.ShouldNotContain(l => l.Contains("flush", StringComparison.Ordinal));
    }

    [Fact]
    public void The_units_restart_on_failure_start_at_boot_and_check_the_config_first()
    {
        var (dns64, nat64) = (SystemdUnits.Render(Lab())[0], SystemdUnits.Render(Lab())[1]);

        dns64.Name.ShouldBe("sixgill-dns64.service");
        nat64.Name.ShouldBe("sixgill-nat64.service");
        foreach (var unit in new[] { dns64, nat64 })
        {
            var lines = Lines(unit.Text);
            lines.ShouldContain("Restart=on-failure");
            lines.ShouldContain("WantedBy=multi-user.target");
            lines.ShouldContain("[Service]");
        }

        var dnsLines = Lines(dns64.Text);
        dnsLines.ShouldContain("ExecStartPre=/usr/bin/named-checkconf /etc/sixgill/dns64/named.conf");
        dnsLines.ShouldContain("ExecStart=/usr/sbin/named -f -u bind -c /etc/sixgill/dns64/named.conf");
        dnsLines.ShouldContain("ExecStartPre=/sbin/ip address replace fd00:10::100/64 dev sixgill0 nodad");
        dnsLines.ShouldContain("ExecStartPre=/usr/bin/install -d -o bind -g bind -m 0750 /run/sixgill/dns64");
        dnsLines.IndexOf("ExecStartPre=/usr/bin/named-checkconf /etc/sixgill/dns64/named.conf")
            .ShouldBeLessThan(dnsLines.IndexOf("ExecStart=/usr/sbin/named -f -u bind -c /etc/sixgill/dns64/named.conf"));

        var natLines = Lines(nat64.Text);
        natLines.ShouldContain("ExecStartPre=/usr/sbin/tayga -c /etc/sixgill/nat64/tayga.conf --mktun");
        natLines.ShouldContain("ExecStart=/usr/sbin/tayga -c /etc/sixgill/nat64/tayga.conf --nodetach --pidfile /run/sixgill/nat64/tayga.pid");
        natLines.ShouldContain("ExecStartPre=/usr/bin/install -d -m 0755 /run/sixgill/nat64");
        natLines.ShouldContain("ExecStartPre=/sbin/ip route replace fd00:10:64:ff9b::/96 dev nat64");
        natLines.ShouldContain("ExecStartPre=/sbin/ip route replace 198.51.100.128/25 dev nat64");
        natLines.ShouldContain("ExecStartPre=/sbin/ip route replace fd00:10::200/128 dev nat64");
        natLines.ShouldContain("ExecStartPre=/sbin/ip route replace 198.51.100.2/32 dev nat64");
        natLines.ShouldContain("ExecStartPre=/usr/sbin/nft -f /etc/sixgill/nat64/nat44.nft");
    }

    [Theory]
    [InlineData("/tmp/with space")]
    [InlineData("/tmp/100%")]
    [InlineData("/tmp/$HOME")]
    public void A_path_systemd_would_split_or_expand_is_refused(string root)
    {
        Should.Throw<ArgumentException>(() => SystemdUnits.Render(Lab(), new GatewayPaths(root, "/var/lib/sixgill")));
    }

    [Fact]
    public void Modes_without_a_gateway_have_nothing_to_render()
    {
        var plan = AddressPlan.For(TestClusters.DualStack());

        Should.Throw<InvalidOperationException>(() => Dns64NamedConf.Render(plan)).Message.ShouldContain("DualStack");
        Should.Throw<InvalidOperationException>(() => Nat64TaygaConf.Render(plan));
        Should.Throw<InvalidOperationException>(() => Nat44Ruleset.Render(plan));
        Should.Throw<InvalidOperationException>(() => SystemdUnits.Render(plan));
    }

    [Fact]
    public void AppArmor_rules_open_exactly_the_instance_directories()
    {
        Dns64AppArmor.Rules(GatewayPaths.Default).ShouldBe(
        [
            "/etc/sixgill/dns64/ r,",
            "/etc/sixgill/dns64/** r,",
            "/var/lib/sixgill/dns64/ rw,",
            "/var/lib/sixgill/dns64/** rwk,",
            "/run/sixgill/dns64/ rw,",
            "/run/sixgill/dns64/** rwk,",
        ]);
    }
}
