namespace Sixgill.IntegrationTests;

/// <summary>
/// One <see cref="GatewayLab"/> from <c>examples/lab.yaml</c> per test class, removed after it.
/// Built only where the requirements hold, so the tests report skip (or a CI failure) instead of a
/// fixture error.
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
                throw new InvalidOperationException($"the gateway lab could not be built: {_failure.Message}", _failure);
            }

            return _lab ?? throw new InvalidOperationException("the gateway lab was not built");
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
            _lab = await GatewayLab.CreateAsync();
            TestContext.Current.SendDiagnosticMessage($"gateway lab {_lab.Lab.Name}: named answered after {_lab.NamedReady.TotalMilliseconds:0} ms, first page through TAYGA after {_lab.TaygaReady.TotalMilliseconds:0} ms");
        }
        catch (Exception e)
        {
            // Reported by the tests that use it, with the reason.
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
