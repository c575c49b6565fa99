using System.Text.Json;
using Sixgill.Docker;
using Sixgill.Host;
using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// The docker runtime (SPEC §6.2) for real: the support network and the bind9 and tayga containers,
/// made through <see cref="IDockerEngine"/> by a dockerd inside the gateway node, serve DNS64 and
/// NAT64 to the other nodes.
/// </summary>
public sealed class DockerRuntimeTests(DockerLabFixture fixture) : IClassFixture<DockerLabFixture>
{
    private const string Synthesized = "fd00:10:64:ff9b::cb00:7150";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_DNS64_container_answers_inside_the_gateway_node()
    {
        var gateway = fixture.Gateway;
        foreach (var line in fixture.Timings)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        var answer = await DigAsync(gateway);

        answer.ShouldBe(Synthesized);
    }

    [Fact]
    public async Task A_minion_reaches_the_IPv4_only_web_server_by_name_through_the_tayga_container()
    {
        var w1 = fixture.Lab.Node("w1");
        (await DigAsync(w1)).ShouldBe(Synthesized);
        await w1.RunAsync(new ProcessRequest(["tee", "/etc/resolv.conf"]) { StandardInput = "nameserver fd00:10::100\n" }, Cancel).Checked();

        var page = await w1.RunAsync(["curl", "-sS", "-m", "10", "http://web.example.test:8080/"], Cancel);

        page.ExitCode.ShouldBe(0, page.StandardError);
        page.StandardOutput.Trim().ShouldBe(DockerLabFixture.Page);
        (await w1.RunAsync(["ip", "-4", "route"], Cancel)).StandardOutput.Trim().ShouldBeEmpty("w1 is IPv6-only");
    }

    [Fact]
    public async Task The_running_containers_and_network_are_as_their_specs_say()
    {
        var engine = fixture.Engine;

        foreach (var spec in new[] { DockerLabFixture.Dns64Spec, DockerLabFixture.Nat64Spec })
        {
            var observed = (await engine.InspectContainerAsync(spec.Name, Cancel)).ShouldNotBeNull();
            var verdict = ContainerDrift.Compare(spec, observed, await engine.FindImageAsync(spec.Image, Cancel));
            verdict.Action.ShouldBe(DriftAction.Keep, verdict.ToString());
            observed.Privileged.ShouldBeFalse();
        }

        var network = SupportNetworkSpec.For(DockerTestConfig.Gateway);
        var observedNetwork = (await engine.InspectNetworkAsync(network.Name, Cancel)).ShouldNotBeNull();
        NetworkDrift.Compare(network, observedNetwork).Action.ShouldBe(DriftAction.Keep);
        observedNetwork.Containers.Order().ShouldBe(["bind9", "tayga"]);
    }

    [Fact]
    public async Task The_DNS64_container_has_no_IPv4_address_and_routes_the_prefix_via_NAT64()
    {
        var engine = fixture.Engine;

        var addresses = await engine.ExecAsync("bind9", ["ip", "-j", "address", "show", "dev", "eth0"], Cancel);
        var routes = await engine.ExecAsync("bind9", ["ip", "-6", "route", "show", "fd00:10:64:ff9b::/96"], Cancel);

        addresses.ExitCode.ShouldBe(0, addresses.StandardError);
        var families = JsonDocument.Parse(addresses.StandardOutput).RootElement[0].GetProperty("addr_info").EnumerateArray()
            .Where(a => a.GetProperty("scope").GetString() == "global")
            .Select(a => a.GetProperty("family").GetString() + " " + a.GetProperty("local").GetString());
        families.ShouldBe(["inet6 fd00:10::100"]);
        routes.StandardOutput.ShouldContain("via fd00:10::200");
    }

    [Fact]
    public async Task A_command_that_fails_in_a_container_reports_its_exit_code_and_output()
    {
        var result = await fixture.Engine.ExecAsync("tayga", ["ip", "link", "show", "no-such-link"], Cancel);

        result.Succeeded.ShouldBeFalse();
        result.ExitCode.ShouldBe(1);
        result.StandardError.ShouldContain("no-such-link");
    }

    [Fact]
    public async Task A_stopped_container_is_drift_and_replacing_it_brings_NAT64_back()
    {
        var engine = fixture.Engine;
        var spec = DockerLabFixture.Nat64Spec;
        (await engine.StopContainerAsync(spec.Name, TimeSpan.FromSeconds(10), Cancel)).ShouldBeTrue();

        var verdict = ContainerDrift.Compare(spec, await engine.InspectContainerAsync(spec.Name, Cancel));

        verdict.Action.ShouldBe(DriftAction.Replace);
        verdict.Reasons.ShouldBe(["it is exited, not running"]);

        (await engine.RemoveContainerAsync(spec.Name, Cancel)).ShouldBeTrue();
        ContainerDrift.Compare(spec, await engine.InspectContainerAsync(spec.Name, Cancel)).Action.ShouldBe(DriftAction.Create);
        await engine.CreateContainerAsync(spec, Cancel);
        await engine.StartContainerAsync(spec.Name, Cancel);
        ContainerDrift.Compare(spec, await engine.InspectContainerAsync(spec.Name, Cancel)).Action.ShouldBe(DriftAction.Keep);
        var page = await fixture.Lab.Node("w2").RunAsync(["curl", "-sS", "-m", "10", $"http://[{Synthesized}]:8080/"], Cancel);
        page.StandardOutput.Trim().ShouldBe(DockerLabFixture.Page, page.StandardError);
    }

    [Fact]
    public async Task Images_are_tagged_by_their_recipe_and_their_root_file_systems_cached()
    {
        var engine = fixture.Engine;

        foreach (var service in ImageRecipes.Services)
        {
            var image = ImageRecipes.Image(service);
            (await engine.FindImageAsync(image.Reference, Cancel)).ShouldNotBeNull();
            File.Exists(Path.Combine(DockerOfflineImageBuilder.DefaultCacheDirectory, $"{service}-{image.Tag}.tar")).ShouldBeTrue();
        }

        // Asked again, the engine already has them: nothing is built or imported.
        var again = await new DockerOfflineImageBuilder(new ProcessRunner()).EnsureAsync(engine, ImageRecipes.Nat64, Cancel);
        again.Imported.ShouldBeFalse();
    }

    [Fact]
    public async Task The_machines_own_namespace_has_no_docker_bridge_and_is_unchanged()
    {
        var before = fixture.Before.ShouldNotBeNull();
        _ = fixture.Daemon;

        (await RootNamespaceSnapshot.TakeAsync()).ShouldBe(before);
        var links = (await new ProcessRunner().RunCheckedAsync(["ip", "-br", "link"], Cancel)).StandardOutput;
        links.ShouldNotContain("docker0");
        links.ShouldNotContain("br-");
        // The support network's bridge is in the gateway node.
        (await fixture.Gateway.RunAsync(["ip", "-br", "address"], Cancel)).StandardOutput.ShouldContain("fd00:10::1/64");
    }

    private static async Task<string> DigAsync(LabNode node)
    {
        // named needs a moment after start before it serves; retry briefly.
        var answer = "";
        for (var attempt = 0; attempt < 20 && answer.Length == 0; attempt++)
        {
            var dig = await node.RunAsync(["dig", "+short", "+time=2", "+tries=1", "@fd00:10::100", "web.example.test", "AAAA"], Cancel);
            answer = dig.ExitCode == 0 && !dig.StandardOutput.Contains(";;", StringComparison.Ordinal) ? dig.StandardOutput.Trim() : "";
            if (answer.Length == 0)
            {
                await Task.Delay(250, Cancel);
            }
        }

        return answer;
    }
}
