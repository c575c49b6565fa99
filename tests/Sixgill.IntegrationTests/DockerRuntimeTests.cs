using System.Text.Json;
using Sixgill.Docker;
using Sixgill.Host.Docker;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// The docker runtime (docs/gateway.md) for real: <c>sixgill prepare</c> on the gateway node makes the
/// support network and the bind9 and tayga containers in a dockerd inside that node, and they serve
/// DNS64 and NAT64 to the other nodes; prepare again keeps or replaces them, clean removes them.
/// </summary>
public sealed class DockerRuntimeTests(DockerLabFixture fixture) : IClassFixture<DockerLabFixture>
{
    private const string Synthesized = "fd00:10:64:ff9b::cb00:7150";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
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

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_minion_reaches_the_IPv4_only_web_server_by_name_through_the_tayga_container()
    {
        var w1 = fixture.Lab.Node("w1");
        (await DigAsync(w1)).ShouldBe(Synthesized);

        var page = await w1.RunAsync(GatewayLab.Curl(InternetServices.WebUrl()), Cancel);
        var verify = await VerifyInLabTests.VerifyAsync(fixture.Lab, "w1");

        page.ExitCode.ShouldBe(0, page.StandardError);
        page.StandardOutput.ShouldBe(InternetServices.Page);
        verify.ExitCode.ShouldBe(0, verify.StandardOutput + verify.StandardError);
        (await w1.RunAsync(["ip", "-4", "route"], Cancel)).StandardOutput.Trim().ShouldBeEmpty("w1 is IPv6-only");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_second_prepare_on_the_gateway_changes_nothing_and_keeps_the_containers()
    {
        var ids = await ContainerIdsAsync();

        var again = await fixture.Lab.SixgillAsync(GatewayLab.Gateway, "prepare", "--output", "json");

        again.ExitCode.ShouldBe(0, again.StandardError);
        using (var report = JsonDocument.Parse(again.StandardOutput))
        {
            report.RootElement.GetProperty("applied").GetInt32().ShouldBe(0, again.StandardOutput);
        }

        (await ContainerIdsAsync()).ShouldBe(ids);
        (await fixture.Lab.SixgillAsync(GatewayLab.Gateway, "plan", "--detailed-exitcode")).ExitCode.ShouldBe(0);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Prepare_replaces_a_stopped_tayga_container()
    {
        var engine = fixture.Engine;
        var before = (await engine.InspectContainerAsync(DockerNames.Nat64Container, Cancel)).ShouldNotBeNull();
        (await engine.StopContainerAsync(DockerNames.Nat64Container, TimeSpan.FromSeconds(10), Cancel)).ShouldBeTrue();

        var plan = await fixture.Lab.SixgillAsync(GatewayLab.Gateway, "plan");
        var prepare = await fixture.Lab.SixgillAsync(GatewayLab.Gateway, "prepare");

        plan.StandardOutput.ShouldContain("it is exited, not running");
        prepare.ExitCode.ShouldBe(0, prepare.StandardOutput + prepare.StandardError);
        var after = (await engine.InspectContainerAsync(DockerNames.Nat64Container, Cancel)).ShouldNotBeNull();
        after.Id.ShouldNotBe(before.Id);
        ContainerDrift.Compare(DockerLabFixture.Nat64Spec, after).Action.ShouldBe(DriftAction.Keep);
        var page = await fixture.Lab.Node("w2").RunAsync(GatewayLab.Curl($"http://[{Synthesized}]:{InternetServices.WebPort}/"), Cancel);
        page.StandardOutput.ShouldBe(InternetServices.Page, page.StandardError);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Prepare_replaces_a_container_with_a_wrong_address()
    {
        var engine = fixture.Engine;
        (await engine.RemoveContainerAsync(DockerNames.Dns64Container, Cancel)).ShouldBeTrue();
        var wrong = DockerLabFixture.Dns64Spec with { Ipv6Address = Values.Ip.Parse("fd00:10::123") };
        await engine.CreateContainerAsync(wrong, Cancel);
        await engine.StartContainerAsync(wrong.Name, Cancel);

        var prepare = await fixture.Lab.SixgillAsync(GatewayLab.Gateway, "prepare");

        prepare.ExitCode.ShouldBe(0, prepare.StandardOutput + prepare.StandardError);
        var observed = (await engine.InspectContainerAsync(DockerNames.Dns64Container, Cancel)).ShouldNotBeNull();
        ContainerDrift.Compare(DockerLabFixture.Dns64Spec, observed).Action.ShouldBe(DriftAction.Keep);
        (await DigAsync(fixture.Lab.Node("w1"))).ShouldBe(Synthesized);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Clean_removes_Sixgills_containers_network_and_routes_and_leaves_the_engines_other_state()
    {
        var engine = fixture.Engine;
        var gateway = fixture.Gateway;
        var plan = DockerTestConfig.Plan.Value;
        var bystander = new SupportNetworkSpec("bystander", Values.Prefix.Parse("fd00:99::/64"), Values.Ip.Parse("fd00:99::1"),
            Values.Prefix.Parse("192.0.2.0/24"), Values.Ip.Parse("192.0.2.1"))
        { Labels = new Dictionary<string, string>() };
        await engine.CreateNetworkAsync(bystander, Cancel);
        try
        {
            var clean = await fixture.Lab.SixgillAsync(GatewayLab.Gateway, "clean");

            clean.ExitCode.ShouldBe(0, clean.StandardOutput + clean.StandardError);
            (await engine.InspectContainerAsync(DockerNames.Dns64Container, Cancel)).ShouldBeNull();
            (await engine.InspectContainerAsync(DockerNames.Nat64Container, Cancel)).ShouldBeNull();
            (await engine.InspectNetworkAsync(DockerNames.SupportNetwork, Cancel)).ShouldBeNull();
            var routes = (await gateway.RunAsync(["ip", "-6", "route"], Cancel)).StandardOutput + (await gateway.RunAsync(["ip", "-4", "route"], Cancel)).StandardOutput;
            foreach (var route in plan[GatewayLab.Gateway].PrepareRoutes)
            {
                routes.ShouldNotContain(route.Destination.ToString());
            }

            (await gateway.RunAsync(["test", "-e", Dns64ContainerSpec.HostConfigDirectory], Cancel)).ExitCode.ShouldNotBe(0);
            (await engine.InspectNetworkAsync(bystander.Name, Cancel)).ShouldNotBeNull("a network Sixgill did not make stays");
            foreach (var service in ImageRecipes.Services)
            {
                (await engine.FindImageAsync(ImageRecipes.Image(service).Reference, Cancel)).ShouldNotBeNull("images are cache, not state");
            }
        }
        finally
        {
            await engine.RemoveNetworkAsync(bystander.Name, Cancel);
            // The other tests of this class share the lab: prepared again.
            var prepare = await fixture.Lab.SixgillAsync(GatewayLab.Gateway, "prepare");
            prepare.ExitCode.ShouldBe(0, prepare.StandardOutput + prepare.StandardError);
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
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

    [Fact(Timeout = TestTimeouts.Lab)]
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

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_command_that_fails_in_a_container_reports_its_exit_code_and_output()
    {
        var result = await fixture.Engine.ExecAsync("tayga", ["ip", "link", "show", "no-such-link"], Cancel);

        result.Succeeded.ShouldBeFalse();
        result.ExitCode.ShouldBe(1);
        result.StandardError.ShouldContain("no-such-link");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
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

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Images_build_finds_both_images_there_and_says_it_builds_offline()
    {
        // images build reads no config: it takes no -c (only the options that apply to it).
        var result = await fixture.Lab.Node(GatewayLab.Gateway).RunAsync(
            new ProcessRequest([SixgillInNode.Executable, "images", "build"]) { Environment = fixture.Lab.Environment }, TestContext.Current.CancellationToken);

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.ShouldContain("built offline (no registry");
        foreach (var service in ImageRecipes.Services)
        {
            result.StandardOutput.ShouldContain($"{ImageRecipes.Image(service)}: already there");
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
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

    private async Task<string[]> ContainerIdsAsync() =>
    [
        (await fixture.Engine.InspectContainerAsync(DockerNames.Nat64Container, Cancel)).ShouldNotBeNull().Id,
        (await fixture.Engine.InspectContainerAsync(DockerNames.Dns64Container, Cancel)).ShouldNotBeNull().Id,
    ];

    /// <summary>The DNS64 server's AAAA answer for the web server, asked from <paramref name="node"/>; named needs a moment after start before it serves, so it is asked again for a while.</summary>
    private static async Task<string> DigAsync(LabNode node)
    {
        var answer = "";
        await Wait.UntilAsync(
            async () =>
            {
                var dig = await node.RunAsync(["dig", "+short", "+time=2", "+tries=1", "@fd00:10::100", "web.example.test", "AAAA"], Cancel);
                answer = dig.ExitCode == 0 && !dig.StandardOutput.Contains(";;", StringComparison.Ordinal) ? dig.StandardOutput.Trim() : "";
                return answer.Length > 0;
            },
            $"the DNS64 server to answer {node.Name}", TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(250), Cancel);
        return answer;
    }
}
