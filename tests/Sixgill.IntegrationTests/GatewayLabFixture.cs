namespace Sixgill.IntegrationTests;

/// <summary>
/// One <see cref="GatewayLab"/> per test class, gw, w1 and w2 prepared. Built only where the
/// requirements hold, so the tests report skip (or a CI failure) instead of a fixture error.
/// </summary>
public sealed class GatewayLabFixture : IAsyncLifetime
{
    private GatewayLab? _lab;
    private Exception? _failure;

    internal GatewayLab Lab
    {
        get
        {
            GatewayRequirements.Require();
            if (_failure is not null)
            {
                throw new InvalidOperationException($"the prepared gateway lab could not be built: {_failure.Message}", _failure);
            }

            return _lab ?? throw new InvalidOperationException("the prepared gateway lab was not built");
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
            _lab = await GatewayLab.CreateAsync(null, "gw", "w1", "w2");
            TestContext.Current.SendDiagnosticMessage(
                "prepare wall time: " + string.Join(", ", _lab.PrepareTimes.Select(t => $"{t.Key} {t.Value.TotalMilliseconds:0} ms")));
        }
        catch (Exception e)
        {
            _failure = e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }
    }
}
