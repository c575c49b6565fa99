using Sixgill.Docker;
using Sixgill.Machine;
using Sixgill.Tests.Docker;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// An engine in memory: images by reference, networks and containers by name, each created as its
/// spec says (and reported as <see cref="DockerSpecs.Running"/> reports it). <see cref="Reachable"/>
/// false makes every call fail as an engine that is not there.
/// </summary>
internal sealed class FakeDockerEngine : IDockerEngine
{
    private int next;

    public Uri Endpoint { get; } = DockerEndpoint.Default;

    public bool Reachable { get; set; } = true;

    public Dictionary<string, string> Images { get; } = [];

    public Dictionary<string, ObservedNetwork> Networks { get; } = [];

    public Dictionary<string, ObservedContainer> Containers { get; } = [];

    /// <summary>Every changing call, in order (<c>create-container tayga</c>).</summary>
    public List<string> Calls { get; } = [];

    public FakeDockerEngine WithImages(params string[] references)
    {
        foreach (var reference in references)
        {
            Images[reference] = "sha256:" + reference.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        }

        return this;
    }

    public Task<DockerEngineVersion> PingAsync(CancellationToken cancellationToken = default) => Answer(new DockerEngineVersion("20.10.24", "1.41"));

    public Task<string?> FindImageAsync(string reference, CancellationToken cancellationToken = default) => Answer(Images.GetValueOrDefault(reference));

    public Task<string> ImportImageAsync(string rootfsTarball, ServiceImage image, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ObservedNetwork?> InspectNetworkAsync(string name, CancellationToken cancellationToken = default) => Answer(Networks.GetValueOrDefault(name));

    public Task<string> CreateNetworkAsync(SupportNetworkSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Change($"create-network {spec.Name}");
        Networks.Add(spec.Name, Network(spec));
        return Task.FromResult(spec.Name);
    }

    public Task<bool> RemoveNetworkAsync(string name, CancellationToken cancellationToken = default)
    {
        Change($"remove-network {name}");
        if (Containers.Values.Any(c => c.Networks.ContainsKey(name)))
        {
            throw new DockerEngineException($"error while removing network: network {name} has active endpoints");
        }

        return Task.FromResult(Networks.Remove(name));
    }

    public Task<ObservedContainer?> InspectContainerAsync(string name, CancellationToken cancellationToken = default) => Answer(Containers.GetValueOrDefault(name));

    public Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Change($"create-container {spec.Name}");
        var id = $"id{++next}";
        Containers.Add(spec.Name, DockerSpecs.Running(spec, Images[spec.Image]) with { Id = id, Running = false, Status = "created" });
        return Task.FromResult(id);
    }

    public Task StartContainerAsync(string name, CancellationToken cancellationToken = default)
    {
        Change($"start-container {name}");
        Containers[name] = Containers[name] with { Running = true, Status = "running" };
        return Task.CompletedTask;
    }

    public Task<bool> StopContainerAsync(string name, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        Change($"stop-container {name}");
        var was = Containers[name].Running;
        Containers[name] = Containers[name] with { Running = false, Status = "exited" };
        return Task.FromResult(was);
    }

    public Task<bool> RemoveContainerAsync(string name, CancellationToken cancellationToken = default)
    {
        Change($"remove-container {name}");
        return Task.FromResult(Containers.Remove(name));
    }

    public Task<DockerExecResult> ExecAsync(string container, IReadOnlyList<string> command, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public void Dispose()
    {
    }

    public static ObservedNetwork Network(SupportNetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ObservedNetwork("n-" + spec.Name, spec.Name, "bridge", true,
            [new ObservedSubnet(spec.Ipv6Subnet, spec.Ipv6Gateway), new ObservedSubnet(spec.Ipv4Subnet, spec.Ipv4Gateway)],
            new Dictionary<string, string>(spec.Labels), []);
    }

    private Task<T> Answer<T>(T value) =>
        Reachable ? Task.FromResult(value) : throw new DockerEngineUnreachableException(Endpoint, new IOException("Connection refused"));

    private void Change(string call)
    {
        _ = Answer(0);
        Calls.Add(call);
    }
}
