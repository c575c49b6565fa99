using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// One lab shaped like <c>examples/lab.yaml</c> (gw, w1, w2 and the internet), shared by the
/// tests of a class and removed after them. Built only where the requirements hold, so that the
/// tests themselves report a skip (or a CI failure) instead of a fixture error.
/// </summary>
public sealed class ThreeNodeLabFixture : IAsyncLifetime
{
    private VirtualLab? lab;

    /// <summary>The lab; checks the requirements first, so a test that asks for it skips where it cannot run.</summary>
    internal VirtualLab Lab
    {
        get
        {
            LabRequirements.Require();
            return this.lab ?? throw new InvalidOperationException("the shared lab was not built");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (LabRequirements.Missing().Count == 0)
        {
            this.lab = await TestLabs.CreateAsync(TestLabs.ThreeNodes(TestLabs.NextName()));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (this.lab is not null)
        {
            await this.lab.DisposeAsync();
        }
    }
}
