using Sixgill.Docker;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Tests.Docker;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

public sealed class DockerStepsTests
{
    private readonly FakeDockerEngine engine = new FakeDockerEngine().WithImages(DockerSpecs.Dns64Image, DockerSpecs.Nat64Image);
    private readonly StepTestNode node = new();

    private static SupportNetworkSpec NetworkSpec => SupportNetworkSpec.For(DockerSpecs.LabGateway());

    private StepContext Context => node.Context with { Docker = new Lazy<IDockerEngine>(() => engine) };

    [Fact]
    public void The_preflight_passes_when_the_engine_answers_and_has_every_image()
    {
        new RequireDockerEngine([DockerSpecs.Nat64Image, DockerSpecs.Dns64Image]).Probe(Context).ShouldBe(ProbeResult.Present);
    }

    [Fact]
    public void The_preflight_names_a_missing_image_and_the_command_that_builds_it()
    {
        engine.Images.Remove(DockerSpecs.Dns64Image);

        var error = Should.Throw<DockerImageMissingException>(() => new RequireDockerEngine([DockerSpecs.Nat64Image, DockerSpecs.Dns64Image]).Probe(Context));

        error.Images.ShouldBe([DockerSpecs.Dns64Image]);
        error.Message.ShouldContain("nothing was changed");
        DockerImageMissingException.Fix.ShouldContain("sixgill images build");
    }

    [Fact]
    public void The_preflight_lets_an_unreachable_engine_through_as_itself()
    {
        engine.Reachable = false;

        Should.Throw<DockerEngineUnreachableException>(() => new RequireDockerEngine([DockerSpecs.Nat64Image]).Probe(Context));
    }

    [Fact]
    public void The_network_is_created_kept_and_removed_by_its_undo()
    {
        var step = new EnsureDockerNetwork(NetworkSpec);
        step.Probe(Context).State.ShouldBe(ProbeState.Absent);

        var undo = Apply(step);

        step.Probe(Context).ShouldBe(ProbeResult.Present);
        undo.Revert(Context).Status.ShouldBe(UndoStatus.Reverted);
        engine.Networks.ShouldBeEmpty();
        undo.Revert(Context).Status.ShouldBe(UndoStatus.NothingToDo);
    }

    [Fact]
    public void A_wrong_network_is_replaced_with_Sixgills_containers_on_it_removed_first()
    {
        var spec = NetworkSpec;
        engine.Networks[spec.Name] = FakeDockerEngine.Network(spec) with { EnableIpv6 = false, Containers = [DockerNames.Nat64Container] };
        engine.Containers[DockerNames.Nat64Container] = DockerSpecs.Running(DockerSpecs.Nat64());
        var step = new EnsureDockerNetwork(spec);
        step.Probe(Context).Detail.ShouldBe("IPv6 is not enabled on it");

        Apply(step);

        engine.Calls.ShouldBe(["remove-container tayga", "remove-network support_net", "create-network support_net"]);
        step.Probe(Context).ShouldBe(ProbeResult.Present);
    }

    [Fact]
    public void A_network_of_that_name_Sixgill_did_not_make_stops_the_run_and_is_never_removed()
    {
        var spec = NetworkSpec;
        engine.Networks[spec.Name] = FakeDockerEngine.Network(spec) with { Labels = new Dictionary<string, string>() };

        Should.Throw<PreconditionFailedException>(() => new EnsureDockerNetwork(spec).Probe(Context)).Message.ShouldContain("Sixgill did not create");
        new EnsureDockerNetwork(spec).FindUndo(Context).ShouldBeNull();
        new RemoveDockerNetwork(spec.Name).Revert(Context).Status.ShouldBe(UndoStatus.LeftAlone);
        engine.Networks.ShouldContainKey(spec.Name);
    }

    [Fact]
    public void A_container_is_created_and_started_then_kept()
    {
        var step = new EnsureContainer(DockerSpecs.Nat64());
        step.Probe(Context).State.ShouldBe(ProbeState.Absent);

        Apply(step);

        engine.Calls.ShouldBe(["create-container tayga", "start-container tayga"]);
        step.Probe(Context).ShouldBe(ProbeResult.Present);
    }

    [Fact]
    public void A_stopped_container_is_replaced()
    {
        var spec = DockerSpecs.Nat64();
        engine.Containers[spec.Name] = DockerSpecs.Running(spec, engine.Images[spec.Image]) with { Running = false, Status = "exited" };
        var step = new EnsureContainer(spec);
        step.Probe(Context).ShouldBe(ProbeResult.Different("it is exited, not running"));

        Apply(step);

        engine.Calls.ShouldBe(["remove-container tayga", "create-container tayga", "start-container tayga"]);
        engine.Containers[spec.Name].Running.ShouldBeTrue();
    }

    [Fact]
    public void A_container_at_a_wrong_address_is_replaced_and_its_undo_removes_the_new_one()
    {
        var spec = DockerSpecs.Dns64();
        var wrong = spec with { Ipv6Address = Sixgill.Values.Ip.Parse("fd00:10::123") };
        engine.Containers[spec.Name] = DockerSpecs.Running(wrong, engine.Images[spec.Image]);
        var step = new EnsureContainer(spec);
        step.Probe(Context).Detail.ShouldBe("its IPv6 address is fd00:10::123, not fd00:10::100");

        var undo = Apply(step);

        engine.Containers[spec.Name].Networks[spec.Network].Ipv6Address.ShouldBe(spec.Ipv6Address);
        undo.Revert(Context).Status.ShouldBe(UndoStatus.Reverted);
        engine.Containers.ShouldBeEmpty();
    }

    [Fact]
    public void A_container_of_that_name_Sixgill_did_not_make_stops_the_run_and_is_left_alone()
    {
        var spec = DockerSpecs.Nat64();
        engine.Containers[spec.Name] = DockerSpecs.Running(spec) with { Labels = new Dictionary<string, string>() };

        Should.Throw<PreconditionFailedException>(() => new EnsureContainer(spec).Probe(Context)).Message.ShouldContain("Sixgill did not create");
        new EnsureContainer(spec).FindUndo(Context).ShouldBeNull();
        new RemoveContainer(spec.Name).Revert(Context).Status.ShouldBe(UndoStatus.LeftAlone);
        engine.Calls.ShouldBeEmpty();
    }

    private Undo Apply(Step step)
    {
        var undo = step.PrepareUndo(Context);
        step.Apply(Context, undo);
        return undo;
    }
}
