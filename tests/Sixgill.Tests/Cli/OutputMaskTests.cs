using Sixgill.Cli.Change;
using Sixgill.Config;
using Sixgill.Tests.Addressing;

namespace Sixgill.Tests.Cli;

public sealed class OutputMaskTests
{
    [Fact]
    public void The_token_and_its_secret_half_never_come_out()
    {
        var mask = new OutputMask(TestClusters.Lab() with { Token = "q8x1zp.k2m9v7c4b6n3w5r1" });

        mask.Apply("token q8x1zp.k2m9v7c4b6n3w5r1 and again k2m9v7c4b6n3w5r1.")
            .ShouldBe("token q8x1zp.**************** and again ****************.");
    }

    [Fact]
    public void The_lab_token_of_an_insecure_cluster_is_masked_too_and_the_placeholder_is_no_secret()
    {
        new OutputMask(TestClusters.Lab() with { Token = null, Insecure = true }).Apply(Cluster.LabToken).ShouldBe("abcdef.****************");
        new OutputMask(TestClusters.Orca()).Apply("token: <provide>").ShouldBe("token: <provide>");
        OutputMask.None.Apply("abcdef.0123456789abcdef").ShouldBe("abcdef.0123456789abcdef");
    }
}
