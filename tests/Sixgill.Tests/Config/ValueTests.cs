using Sixgill.Config;
using Sixgill.Values;
using static Sixgill.Config.DiagnosticCodes;

namespace Sixgill.Tests.Config;

/// <summary>Each value on its own: present when required, of the right type, family and shape.</summary>
public sealed class ValueTests
{
    private static readonly TestConfig Base = TestConfig.Ipv6;

    [Fact]
    public void Missing_key_is_reported_at_its_section_with_where_to_add_it()
    {
        var error = Base.Remove("ip: \"fd00:10::100\"").Load().ShouldFailOnlyWith(MissingKey, new SourcePosition(28, 1));

        error.Message.ShouldBe("dns64.ip is missing");
        error.Hint.ShouldBe("add \"ip:\" under \"dns64:\"");
    }

    [Fact]
    public void Missing_node_key_is_reported_at_the_node_name()
    {
        var error = Base.Remove("id: 3").Load().ShouldFailOnlyWith(MissingKey, new SourcePosition(10, 3));

        error.Message.ShouldBe("topology.w1.id is missing");
        error.Hint.ShouldBe("add \"id:\" under \"w1:\"");
    }

    [Fact]
    public void Key_written_without_a_value_is_reported_at_the_key()
    {
        var error = Base.Replace("id: 3", "id:").Load().ShouldFailOnlyWith(MissingKey, new SourcePosition(13, 5));

        error.Hint.ShouldBe("give id a value");
    }

    [Fact]
    public void Missing_section_is_reported_once_at_the_top_of_the_file()
    {
        var config = Base.Remove("mgmt_net:").Remove("cidr: \"fd00:20::/64\"");

        var error = config.Load().ShouldFailOnlyWith(MissingKey, new SourcePosition(1, 1));
        error.Message.ShouldBe("mgmt_net is missing");
        error.Hint.ShouldBe("add a \"mgmt_net:\" section with \"cidr:\" (or subnet: and size:)");
    }

    [Fact]
    public void Ipv6_mode_requires_the_nat64_section()
    {
        var config = Base.Remove("nat64:").Remove("v4_cidr: \"198.51.100.128/25\"").Remove("v4_ip: \"198.51.100.2\"")
            .Remove("ip: \"fd00:10::200\"");

        var error = config.Load().ShouldFailOnlyWith(MissingKey, config.At("mode: ipv6", "mode")); // the line that needs it
        error.Message.ShouldBe("nat64 is missing: ipv6 mode needs DNS64 and NAT64");
    }

    [Fact]
    public void Empty_section_reports_each_required_key_at_the_section()
    {
        var config = Base.Remove("cidr: \"fd00:30::/110\"");

        config.Load().ShouldFailOnlyWith(MissingKey, config.At("service_net:", "service_net"));
    }

    [Fact]
    public void A_topology_without_nodes_is_reported_at_topology()
    {
        var config = new TestConfig("topology:\nmgmt_net:\n  cidr: \"fd00:20::/64\"\n");

        config.Load().ShouldReport(MissingKey, new SourcePosition(1, 1)).Message.ShouldBe("topology lists no nodes");
    }

    [Fact]
    public void Orca_form_half_written_names_the_missing_half()
    {
        var config = Base.Replace("cidr: \"fd00:20::/64\"", "subnet: \"fd00:20::\"");

        config.Load().ShouldFailOnlyWith(MissingKey, config.At("subnet: \"fd00:20::\"", "subnet")).Message.ShouldBe("mgmt_net.size is missing: mgmt_net.subnet needs it");
    }

    [Fact]
    public void Orca_form_subnet_and_size_bind_to_a_network()
    {
        var config = Base.Replace("cidr: \"fd00:20::/64\"", "subnet: \"fd00:20::\"").InsertAfter("subnet: \"fd00:20::\"", "size: 64");

        config.Load().ShouldPass();
        config.Load().Cluster!.MgmtNet.ShouldBe(Prefix.Parse("fd00:20::/64"));
    }

    [Fact]
    public void Cidr_and_orca_form_mixed_in_one_section_is_reported_at_the_later_form()
    {
        var config = Base.InsertAfter("cidr: \"fd00:20::/64\"", "size: 64");

        var error = config.Load().ShouldFailOnlyWith(FormsMixed, config.At("size: 64", "size"));
        error.Message.ShouldBe("mgmt_net mixes the CIDR form (cidr) with Orca's form (subnet + size)");
    }

    [Fact]
    public void Pod_prefix_next_to_pod_cidr_is_mixing_forms()
    {
        var config = Base.InsertAfter("node_size: 80", "prefix: \"fd00:40:0:0\"");

        config.Load().ShouldFailOnlyWith(FormsMixed, config.At("prefix: \"fd00:40:0:0\"", "prefix"));
    }

    [Fact]
    public void Dns64_prefix_next_to_dns64_cidr_is_mixing_forms()
    {
        var config = Base.InsertAfter("cidr: \"fd00:10:64:ff9b::/96\"", "prefix_size: 96");

        config.Load().ShouldFailOnlyWith(FormsMixed, config.At("prefix_size: 96", "prefix_size"));
    }

    [Fact]
    public void Address_that_does_not_parse_is_reported_at_the_value()
    {
        var config = Base.Replace("ip: \"fd00:10::200\"", "ip: \"fd00:10::zz\"");

        config.Load().ShouldFailOnlyWith(InvalidAddress, config.At("ip: \"fd00:10::zz\"", "\""));
    }

    [Fact]
    public void Network_without_a_length_is_reported_with_a_length_suggested()
    {
        var config = Base.Replace("cidr: \"fd00:20::/64\"", "cidr: \"fd00:20::\"");

        var error = config.Load().ShouldFailOnlyWith(InvalidNetwork, config.At("cidr: \"fd00:20::\"", "\""));
        error.Hint.ShouldBe("add the prefix length, like fd00:20::/64");
    }

    [Fact]
    public void Ipv4_network_where_ipv6_mode_needs_ipv6_is_a_family_error()
    {
        var config = Base.Replace("cidr: \"fd00:20::/64\"", "cidr: \"10.192.0.0/16\"");

        var error = config.Load().ShouldFailOnlyWith(WrongFamily, config.At("cidr: \"10.192.0.0/16\"", "\""));
        error.Message.ShouldBe("mgmt_net.cidr must be an IPv6 network in ipv6 mode, not \"10.192.0.0/16\"");
    }

    [Fact]
    public void Ipv4_address_for_nat64_ip_is_a_family_error()
    {
        var config = Base.Replace("ip: \"fd00:10::200\"", "ip: \"198.51.100.3\"");

        config.Load().ShouldFailOnlyWith(WrongFamily, config.At("ip: \"198.51.100.3\"", "\""));
    }

    [Fact]
    public void Ipv6_network_for_the_support_v4cidr_is_a_family_error()
    {
        var config = Base.Replace("v4cidr: \"198.51.100.0/24\"", "v4cidr: \"fd00:11::/64\"");

        config.Load().ShouldReport(WrongFamily, config.At("v4cidr: \"fd00:11::/64\"", "\""));
    }

    [Fact]
    public void Dual_stack_second_network_of_the_same_family_is_a_family_error()
    {
        var config = TestConfig.DualStack.Replace("cidr2: \"10.192.0.0/16\"", "cidr2: \"fd00:21::/64\"");

        var error = config.Load().ShouldFailOnlyWith(WrongFamily, config.At("cidr2: \"fd00:21::/64\"", "\""));
        error.Message.ShouldBe("mgmt_net.cidr2 must be an IPv4 network (the other family from mgmt_net.cidr), not \"fd00:21::/64\"");
    }

    [Fact]
    public void Dual_stack_networks_written_ipv4_first_are_kept_ipv6_first()
    {
        var config = TestConfig.DualStack
            .Replace("cidr: \"fd00:40::/64\"", "cidr: \"10.244.0.0/16\"")
            .Replace("cidr2: \"10.244.0.0/16\"", "cidr2: \"fd00:40::/64\"")
            .InsertAfter("cidr: \"10.244.0.0/16\"", "node_size: 26");

        var cluster = config.Load().Cluster.ShouldNotBeNull();

        cluster.PodNet.ShouldBe(new PodNetwork(Prefix.Parse("fd00:40::/64"), 80, Prefix.Parse("10.244.0.0/16"), 26, null));
    }

    [Fact]
    public void Dual_stack_requires_the_second_family()
    {
        var config = TestConfig.DualStack.Remove("cidr2: \"10.96.0.0/16\"");

        config.Load().ShouldFailOnlyWith(MissingKey, config.At("service_net:", "service_net"))
            .Message.ShouldBe("service_net.cidr2 is missing: dual-stack needs a network of each family");
    }

    [Fact]
    public void Host_bits_set_are_reported_with_the_network_suggested()
    {
        var config = Base.Replace("cidr: \"fd00:20::/64\"", "cidr: \"fd00:20::5/64\"");

        var error = config.Load().ShouldFailOnlyWith(HostBitsSet, new SourcePosition(18, 9));
        error.Hint.ShouldBe("did you mean fd00:20::/64?");
    }

    [Fact]
    public void Orca_subnet_with_host_bits_is_reported_with_the_subnet_suggested()
    {
        var config = TestConfig.Orca.Replace("subnet: \"fd00:20::\"", "subnet: \"fd00:20::1\"");

        var error = config.Load().ShouldFailOnlyWith(HostBitsSet, config.At("subnet: \"fd00:20::1\"", "\""));
        error.Hint.ShouldBe("did you mean subnet: \"fd00:20::\"?");
    }

    [Fact]
    public void Orca_size_beyond_the_address_width_is_an_invalid_network()
    {
        var config = TestConfig.Orca.Replace("size: 64", "size: 129", after: "mgmt_net:");

        config.Load().ShouldFailOnlyWith(InvalidNetwork, config.At("size: 129", "129"));
    }

    [Fact]
    public void Unknown_mode_is_reported_with_the_choices_and_the_nearest()
    {
        var error = Base.Replace("mode: ipv6", "mode: ipv7").Load().ShouldFailOnlyWith(InvalidChoice, new SourcePosition(2, 9));

        error.Message.ShouldBe("general.mode must be one of ipv6, dual-stack, ipv4, not \"ipv7\"");
        error.Hint.ShouldBe("did you mean \"ipv6\"?");
    }

    [Theory]
    [InlineData("plugin: bridge", "plugin: flannel")]
    [InlineData("mode: ipv6", "runtime: podman")]
    public void Unknown_word_for_a_choice_is_reported(string line, string with)
    {
        var config = Base.Replace(line, with);

        config.Load().ShouldReport(InvalidChoice, config.At(with, with[(with.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public void Unknown_dnssec_validation_word_is_reported()
    {
        var config = Base.InsertAfter("ip: \"fd00:10::100\"", "dnssec_validation: off");

        config.Load().ShouldFailOnlyWith(InvalidChoice, config.At("dnssec_validation: off", "off"));
    }

    [Fact]
    public void Plugin_at_the_top_and_under_general_must_agree()
    {
        var config = new TestConfig("plugin: ptp\n" + Base.Text);

        var error = config.Load().ShouldFailOnlyWith(ConflictingSettings, new SourcePosition(4, 11));
        error.Message.ShouldBe("plugin is set both at the top level and under general, to different values: \"ptp\" and \"bridge\"");
    }

    [Fact]
    public void Plugin_at_the_top_and_under_general_may_repeat_the_same_value() =>
        new TestConfig("plugin: bridge\n" + Base.Text).Load().ShouldPass();

    [Fact]
    public void Two_different_tokens_are_a_conflict_that_does_not_show_either()
    {
        var config = new TestConfig("token: \"zyxwvu.0123456789abcdef\"\n" + Base.Text);

        var error = config.Load().ShouldFailOnlyWith(ConflictingSettings, new SourcePosition(5, 10));
        error.Message.ShouldNotContain("0123456789abcdef");
    }

    [Fact]
    public void Second_family_outside_dual_stack_is_refused()
    {
        var config = Base.InsertAfter("cidr: \"fd00:20::/64\"", "cidr2: \"10.192.0.0/16\"");

        var error = config.Load().ShouldFailOnlyWith(NotForMode, config.At("cidr2: \"10.192.0.0/16\"", "cidr2"));
        error.Message.ShouldBe("mgmt_net.cidr2 is for dual-stack mode only; this cluster's mode is ipv6");
    }

    [Fact]
    public void Dns64_section_outside_ipv6_mode_is_refused()
    {
        var config = TestConfig.DualStack.Append("dns64:\n  remote_server: \"203.0.113.53\"\n");

        config.Load().ShouldFailOnlyWith(NotForMode, config.At("dns64:", "dns64"));
    }
}
