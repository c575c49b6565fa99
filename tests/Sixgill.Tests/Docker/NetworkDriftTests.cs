using Sixgill.Docker;
using Sixgill.Values;

namespace Sixgill.Tests.Docker;

public sealed class NetworkDriftTests
{
    private static readonly SupportNetworkSpec Spec = SupportNetworkSpec.For(DockerSpecs.LabGateway());

    private static ObservedNetwork Matching() => new(
        "n1",
        "support_net",
        "bridge",
        EnableIpv6: true,
        // The engine lists the IPv4 subnet first: order is not drift.
        [new(Prefix.Parse("198.51.100.0/24"), Ip.Parse("198.51.100.1")), new(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:10::1"))],
        new Dictionary<string, string> { ["sixgill.role"] = "support-network" },
        ["bind9", "tayga"]);

    [Fact]
    public void A_missing_network_is_created_and_a_matching_one_kept()
    {
        NetworkDrift.Compare(Spec, null).Action.ShouldBe(DriftAction.Create);
        NetworkDrift.Compare(Spec, Matching()).Action.ShouldBe(DriftAction.Keep);
    }

    [Fact]
    public void A_network_without_IPv6_or_with_other_subnets_is_replaced()
    {
        var verdict = NetworkDrift.Compare(Spec, Matching() with
        {
            EnableIpv6 = false,
            Subnets = [new(Prefix.Parse("198.51.100.0/24"), null)],
        });

        verdict.Action.ShouldBe(DriftAction.Replace);
        verdict.Reasons.ShouldBe(
        [
            "IPv6 is not enabled on it",
            "its subnets are 198.51.100.0/24 (gateway unset), not fd00:10::/64 (gateway fd00:10::1) and 198.51.100.0/24 (gateway 198.51.100.1)",
        ]);
    }

    [Fact]
    public void Someone_elses_network_of_that_name_is_foreign()
    {
        NetworkDrift.Compare(Spec, Matching() with { Labels = new Dictionary<string, string>() }).Action.ShouldBe(DriftAction.Foreign);
    }

    [Fact]
    public void A_network_of_another_driver_is_replaced()
    {
        NetworkDrift.Compare(Spec, Matching() with { Driver = "macvlan" }).Reasons.ShouldBe(["its driver is macvlan, not bridge"]);
    }
}
