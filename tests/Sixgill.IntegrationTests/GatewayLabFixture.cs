namespace Sixgill.IntegrationTests;

/// <summary>
/// One <see cref="GatewayLab"/> per test class, gw, w1 and w2 prepared. Built only where the
/// requirements hold, so the tests report skip (or a CI failure) instead of a fixture error.
/// </summary>
public sealed class GatewayLabFixture : IAsyncLifetime
{
    private GatewayLab? lab;
    private Exception? failure;

    internal GatewayLab Lab
    {
        get
        {
            GatewayRequirements.Require();
            if (this.failure is not null)
            {
                throw new InvalidOperationException($"the prepared gateway lab could not be built: {this.failure.Message}", this.failure);
            }

            return this.lab ?? throw new InvalidOperationException("the prepared gateway lab was not built");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (GatewayRequirements.Missing().Count > 0)
        {
            return;
        }

        try
        {
            this.lab = await GatewayLab.CreateAsync(null, "gw", "w1", "w2");
            TestContext.Current.SendDiagnosticMessage(
                "prepare wall time: " + string.Join(", ", this.lab.PrepareTimes.Select(t => $"{t.Key} {t.Value.TotalMilliseconds:0} ms")));
        }
        catch (Exception e)
        {
            this.failure = e;
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
