using Sixgill.Addressing;
using Sixgill.Config;

namespace Sixgill.IntegrationTests;

/// <summary>
/// examples/lab.yaml with <c>runtime: docker</c>: the address plan the tests compare the engine's
/// containers and network with.
/// </summary>
internal static class DockerTestConfig
{
    public static readonly Lazy<AddressPlan> Plan = new(() =>
    {
        var path = Path.Combine(RepositoryRoot(), "examples", "lab.yaml");
        var loaded = ConfigLoader.LoadFile(path);
        var cluster = loaded.Cluster ?? throw new InvalidOperationException($"{path}: {string.Join("; ", loaded.Lines)}");
        return AddressPlan.For(cluster with { Runtime = ServiceRuntime.Docker });
    });

    public static GatewayServices Gateway => Plan.Value.Gateway ?? throw new InvalidOperationException("lab.yaml has no gateway services");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sixgill.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Sixgill.slnx above {AppContext.BaseDirectory}");
    }
}
