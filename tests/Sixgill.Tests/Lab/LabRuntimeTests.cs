using Sixgill.Config;
using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

public sealed class LabRuntimeTests
{
    [Fact]
    public void The_built_in_config_with_docker_says_docker_and_keeps_everything_else()
    {
        var text = LabRuntime.WithRuntime(EmbeddedLabConfig.Text, ServiceRuntime.Docker);

        text.ShouldBe(EmbeddedLabConfig.Text.Replace("  runtime: native\n", "  runtime: docker\n", StringComparison.Ordinal));
        ConfigLoader.Load("lab.yaml", text).Cluster!.Runtime.ShouldBe(ServiceRuntime.Docker);
    }

    [Fact]
    public void A_general_section_without_runtime_gets_one()
    {
        LabRuntime.WithRuntime("general:\n  mode: ipv6\ntopology:\n", ServiceRuntime.Docker)
            .ShouldBe("general:\n  runtime: docker\n  mode: ipv6\ntopology:\n");
    }

    [Fact]
    public void Only_the_general_sections_runtime_changes()
    {
        LabRuntime.WithRuntime("topology:\n  runtime: x\ngeneral:\n  runtime: docker # why\n", ServiceRuntime.Native)
            .ShouldBe("topology:\n  runtime: x\ngeneral:\n  runtime: native # why\n");
    }
}
