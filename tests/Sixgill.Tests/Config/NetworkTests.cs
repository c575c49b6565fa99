using Sixgill.Config;
using Sixgill.Values;
using static Sixgill.Config.DiagnosticCodes;

namespace Sixgill.Tests.Config;

public sealed class NetworkTests
{
    private static readonly TestConfig Base = TestConfig.Ipv6;

    /// <summary>The ipv6 base's networks in file order: key, line, network address, length.</summary>
    private static readonly (string Key, string Line, string Address, int Length)[] Ipv6Networks =
    [
        ("support_net.cidr", "cidr: \"fd00:10::/64\"", "fd00:10::", 64),
        ("mgmt_net.cidr", "cidr: \"fd00:20::/64\"", "fd00:20::", 64),
        ("pod_net.cidr", "cidr: \"fd00:40::/64\"", "fd00:40::", 64),
        ("service_net.cidr", "cidr: \"fd00:30::/110\"", "fd00:30::", 110),
        ("dns64.cidr", "cidr: \"fd00:10:64:ff9b::/96\"", "fd00:10:64:ff9b::", 96),
    ];

    private static readonly (string Key, string Line, string Address, int Length)[] Ipv4Networks =
    [
        ("mgmt_net.cidr2", "cidr2: \"10.192.0.0/16\"", "10.192.0.0", 16),
        ("pod_net.cidr2", "cidr2: \"10.244.0.0/16\"", "10.244.0.0", 16),
        ("service_net.cidr2", "cidr2: \"10.96.0.0/16\"", "10.96.0.0", 16),
    ];

    public static TheoryData<int, int> Ipv6Pairs => Pairs(Ipv6Networks.Length);

    public static TheoryData<int, int> Ipv4Pairs => Pairs(Ipv4Networks.Length);

    [Theory]
    [MemberData(nameof(Ipv6Pairs))]
    public void Overlapping_ipv6_networks_are_reported_at_the_later_naming_both(int earlier, int later) =>
        CheckOverlap(Base, Ipv6Networks[earlier], Ipv6Networks[later]);

    [Theory]
    [MemberData(nameof(Ipv4Pairs))]
    public void Overlapping_ipv4_networks_in_dual_stack_are_reported_at_the_later_naming_both(int earlier, int later) =>
        CheckOverlap(TestConfig.DualStack, Ipv4Networks[earlier], Ipv4Networks[later]);

    [Fact]
    public void Orca_pod_prefix_with_too_few_groups_for_its_size_is_reported()
    {
        var config = TestConfig.Orca.Replace("prefix: \"fd00:40:0:0\"", "prefix: \"fd00:40:0\"");

        var error = config.Load().ShouldFailOnlyWith(OrcaPodPrefix, config.At("prefix: \"fd00:40:0\"", "\""));
        error.Message.ShouldBe("pod_net.prefix \"fd00:40:0\" names 48 bits, but size 80 needs exactly 64, size − 16");
        error.Hint.ShouldBe("write prefix: \"fd00:40:0:0\" for size 80, or size: 64 for this prefix");
    }

    [Fact]
    public void Orca_pod_prefix_with_bits_beyond_size_minus_16_is_reported()
    {
        var config = TestConfig.Orca.Replace("prefix: \"fd00:40:0:0\"", "prefix: \"fd00:40:0:0:1::\"");

        config.Load().ShouldFailOnlyWith(OrcaPodPrefix, config.At("prefix: \"fd00:40:0:0:1::\"", "\""))
            .Hint.ShouldBe("did you mean prefix: \"fd00:40:0:0\"?");
    }

    [Fact]
    public void Orca_pod_size_out_of_range_is_reported()
    {
        var config = TestConfig.Orca.Replace("size: 80", "size: 200");

        config.Load().ShouldFailOnlyWith(OrcaPodPrefix, config.At("size: 200", "200"));
    }

    [Theory]
    [InlineData("fd00:40:0:0:0", 96, "fd00:40::/80")]
    [InlineData("fd00:40::", 80, "fd00:40::/64")]
    public void Orca_pod_prefix_matching_its_size_binds(string prefix, int size, string network)
    {
        var config = TestConfig.Orca.Replace("prefix: \"fd00:40:0:0\"", $"prefix: \"{prefix}\"").Replace("size: 80", $"size: {size}");

        var cluster = config.Load().Cluster.ShouldNotBeNull();
        cluster.PodNet.Cidr.ShouldBe(Prefix.Parse(network));
        cluster.PodNet.NodeSize.ShouldBe(size);
    }

    [Theory]
    [InlineData(64, "must be longer than the pod network's /64")]
    [InlineData(90, "is 26 bits longer than the pod network's /64; kube-controller-manager allows at most 16")]
    [InlineData(129, "is longer than /128, the longest node subnet for IPv6")]
    public void Pod_node_size_out_of_range_is_reported_at_node_size(int nodeSize, string problem)
    {
        var config = Base.Replace("node_size: 80", $"node_size: {nodeSize}");

        config.Load().ShouldFailOnlyWith(PodNodeSize, config.At($"node_size: {nodeSize}", $"{nodeSize}"))
            .Message.ShouldBe($"pod_net.node_size {nodeSize} {problem}");
    }

    [Fact]
    public void Pod_node_size_within_sixteen_bits_is_accepted() =>
        Base.Replace("node_size: 80", "node_size: 72").Load().ShouldPass();

    [Fact]
    public void Default_pod_node_size_that_does_not_fit_is_reported_at_the_cidr()
    {
        var config = Base.Remove("node_size: 80").Replace("cidr: \"fd00:40::/64\"", "cidr: \"fd00:40::/120\"");

        config.Load().ShouldFailOnlyWith(PodNodeSize, config.At("cidr: \"fd00:40::/120\"", "\""))
            .Message.ShouldBe("the default node subnet length /136 (pod_net.cidr + 16) is longer than /128, the longest node subnet for IPv6");
    }

    [Fact]
    public void Default_ipv4_pod_node_size_is_cidr_plus_eight_and_at_most_30()
    {
        var config = TestConfig.DualStack.Replace("cidr2: \"10.244.0.0/16\"", "cidr2: \"10.244.0.0/24\"");

        config.Load().ShouldFailOnlyWith(PodNodeSize, config.At("cidr2: \"10.244.0.0/24\"", "\""));
    }

    [Fact]
    public void Service_network_with_more_than_20_host_bits_is_reported()
    {
        var error = Base.Replace("cidr: \"fd00:30::/110\"", "cidr: \"fd00:30::/64\"").Load()
            .ShouldFailOnlyWith(ServiceNetTooLarge, new SourcePosition(23, 9));

        error.Message.ShouldBe("service_net.cidr fd00:30::/64 has 64 host bits; kubeadm allows at most 20");
    }

    [Fact]
    public void Service_network_with_20_host_bits_is_accepted() =>
        Base.Replace("cidr: \"fd00:30::/110\"", "cidr: \"fd00:30::/108\"").Load().ShouldPass();

    [Fact]
    public void Ipv4_service_network_limit_is_a_12()
    {
        TestConfig.DualStack.Replace("cidr2: \"10.96.0.0/16\"", "cidr2: \"10.96.0.0/11\"").Load()
            .Errors.Select(e => e.Code).ShouldBe([ServiceNetTooLarge]);
        TestConfig.DualStack.Replace("cidr2: \"10.96.0.0/16\"", "cidr2: \"10.96.0.0/12\"").Load().ShouldPass();
    }

    private static void CheckOverlap(TestConfig config, (string Key, string Line, string Address, int Length) earlier,
        (string Key, string Line, string Address, int Length) later)
    {
        var key = later.Line[..later.Line.IndexOf(':', StringComparison.Ordinal)];
        var line = $"{key}: \"{earlier.Address}/{later.Length}\"";
        var changed = config.Replace(later.Line, line);

        var section = later.Key[..later.Key.IndexOf('.', StringComparison.Ordinal)];
        var error = changed.Load().ShouldFailOnlyWith(NetworksOverlap, changed.At(line, "\"", after: $"{section}:"));

        error.Message.ShouldBe($"{later.Key} {earlier.Address}/{later.Length} overlaps {earlier.Key} {earlier.Address}/{earlier.Length}");
    }

    private static TheoryData<int, int> Pairs(int count)
    {
        var pairs = new TheoryData<int, int>();
        for (var later = 1; later < count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                pairs.Add(earlier, later);
            }
        }

        return pairs;
    }
}
