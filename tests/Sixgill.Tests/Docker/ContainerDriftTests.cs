using Sixgill.Docker;
using Sixgill.Values;

namespace Sixgill.Tests.Docker;

public sealed class ContainerDriftTests
{
    [Fact]
    public void A_missing_container_is_created()
    {
        ContainerDrift.Compare(DockerSpecs.Nat64(), null).Action.ShouldBe(DriftAction.Create);
    }

    [Fact]
    public void A_running_container_with_the_right_settings_is_kept()
    {
        foreach (var spec in new[] { DockerSpecs.Dns64(), DockerSpecs.Nat64() })
        {
            var verdict = ContainerDrift.Compare(spec, DockerSpecs.Running(spec), "sha256:aaaa");
            verdict.Action.ShouldBe(DriftAction.Keep, verdict.ToString());
            verdict.Reasons.ShouldBeEmpty();
        }
    }

    [Fact]
    public void A_stopped_container_is_replaced()
    {
        var spec = DockerSpecs.Nat64();

        var verdict = ContainerDrift.Compare(spec, DockerSpecs.Running(spec) with { Running = false, Status = "exited" });

        verdict.Action.ShouldBe(DriftAction.Replace);
        verdict.Reasons.ShouldBe(["it is exited, not running"]);
    }

    [Fact]
    public void Another_image_or_a_rebuilt_one_is_replaced()
    {
        var spec = DockerSpecs.Dns64();

        ContainerDrift.Compare(spec, DockerSpecs.Running(spec) with { ImageReference = "sixgill/dns64:old" })
            .Reasons.ShouldBe([$"it runs image sixgill/dns64:old, not {DockerSpecs.Dns64Image}"]);
        ContainerDrift.Compare(spec, DockerSpecs.Running(spec, imageId: "sha256:old"), currentImageId: "sha256:new")
            .Reasons.ShouldBe([$"image {DockerSpecs.Dns64Image} was built anew since it started"]);
    }

    [Fact]
    public void Addresses_are_compared_as_addresses()
    {
        var spec = DockerSpecs.Nat64();
        var same = DockerSpecs.Running(spec) with
        {
            Networks = new Dictionary<string, ObservedEndpoint> { ["support_net"] = new(Ip.Parse("198.51.100.2"), Ip.Parse("fd00:10:0:0::200")) },
        };
        ContainerDrift.Compare(spec, same).Action.ShouldBe(DriftAction.Keep);

        var moved = DockerSpecs.Running(spec) with
        {
            Networks = new Dictionary<string, ObservedEndpoint> { ["support_net"] = new(Ip.Parse("198.51.100.9"), null) },
        };
        ContainerDrift.Compare(spec, moved).Reasons.ShouldBe(
        [
            "its IPv6 address is unset, not fd00:10::200",
            "its IPv4 address is 198.51.100.9, not 198.51.100.2",
        ]);
    }

    [Fact]
    public void A_container_on_another_network_or_on_more_than_its_own_is_replaced()
    {
        var spec = DockerSpecs.Dns64();
        var elsewhere = DockerSpecs.Running(spec) with
        {
            Networks = new Dictionary<string, ObservedEndpoint> { ["bridge"] = new(Ip.Parse("172.17.0.2"), null) },
        };
        ContainerDrift.Compare(spec, elsewhere).Reasons.ShouldBe(["it is also on bridge", "it is not on support_net"]);

        var both = DockerSpecs.Running(spec) with
        {
            Networks = new Dictionary<string, ObservedEndpoint>(DockerSpecs.Running(spec).Networks) { ["host"] = new(null, null) },
        };
        ContainerDrift.Compare(spec, both).Reasons.ShouldBe(["it is also on host"]);
    }

    [Fact]
    public void Capabilities_devices_sysctls_and_mounts_must_match_exactly()
    {
        var spec = DockerSpecs.Nat64();
        var observed = DockerSpecs.Running(spec) with
        {
            CapAdd = ["NET_ADMIN", "SYS_ADMIN"],
            Devices = [],
            Sysctls = new Dictionary<string, string> { ["net.ipv4.ip_forward"] = "0" },
            Binds = ["/etc:/host-etc"],
        };

        var verdict = ContainerDrift.Compare(spec, observed);

        verdict.Action.ShouldBe(DriftAction.Replace);
        verdict.Reasons.ShouldBe(
        [
            "its capabilities: has SYS_ADMIN too",
            "its devices: lacks /dev/net/tun:/dev/net/tun:rwm",
            "its sysctls: lacks net.ipv4.ip_forward=1, net.ipv6.conf.all.forwarding=1, net.ipv6.conf.default.disable_ipv6=0 and has net.ipv4.ip_forward=0 too",
            "its mounts: has /etc:/host-etc too",
        ]);
    }

    [Fact]
    public void A_capability_written_with_its_CAP_prefix_is_the_same_capability()
    {
        var spec = DockerSpecs.Nat64();

        ContainerDrift.Compare(spec, DockerSpecs.Running(spec) with { CapAdd = ["cap_net_admin"] }).Action.ShouldBe(DriftAction.Keep);
    }

    [Fact]
    public void The_images_own_variables_are_not_drift_but_a_changed_setting_is()
    {
        var spec = DockerSpecs.Nat64();
        var observed = DockerSpecs.Running(spec);
        ContainerDrift.Compare(spec, observed with { Environment = [.. observed.Environment, "HOME=/root"] }).Action.ShouldBe(DriftAction.Keep);

        var changed = observed.Environment.Select(e => e.StartsWith("TAYGA_DYNAMIC_POOL=", StringComparison.Ordinal) ? "TAYGA_DYNAMIC_POOL=198.51.100.0/25" : e).ToList();
        ContainerDrift.Compare(spec, observed with { Environment = changed }).Reasons.ShouldBe(["its environment lacks TAYGA_DYNAMIC_POOL=198.51.100.128/25"]);
    }

    [Fact]
    public void A_privileged_container_or_one_without_the_restart_policy_is_replaced()
    {
        var spec = DockerSpecs.Nat64();

        ContainerDrift.Compare(spec, DockerSpecs.Running(spec) with { Privileged = true, RestartPolicy = "no" }).Reasons.ShouldBe(
        [
            "it is privileged",
            "its restart policy is 'no', not 'unless-stopped'",
        ]);
    }

    [Fact]
    public void A_container_of_that_name_that_Sixgill_did_not_create_is_never_touched()
    {
        var spec = DockerSpecs.Dns64();
        var theirs = DockerSpecs.Running(spec) with { Labels = new Dictionary<string, string>() };

        var verdict = ContainerDrift.Compare(spec, theirs);

        verdict.Action.ShouldBe(DriftAction.Foreign);
        verdict.Reasons.ShouldHaveSingleItem().ShouldContain("Sixgill did not create");
        // Even a label of the other role does not make it this one.
        ContainerDrift.Compare(spec, theirs with { Labels = new Dictionary<string, string> { ["sixgill.role"] = "nat64" } }).Action.ShouldBe(DriftAction.Foreign);
    }

    [Fact]
    public void Every_difference_is_named_at_once()
    {
        var spec = DockerSpecs.Dns64();
        var observed = DockerSpecs.Running(spec) with { Running = false, Status = "created", ImageReference = "x:y", Privileged = true };

        ContainerDrift.Compare(spec, observed).Reasons.Count.ShouldBe(3);
        ContainerDrift.Compare(spec, observed).ToString().ShouldStartWith("Replace: it is created, not running; it runs image x:y");
    }
}
