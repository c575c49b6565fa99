using Sixgill.Docker;
using Sixgill.Host.Docker;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>An engine that is not there is a typed error with the fix (exit 3), not a stack trace. Needs no root.</summary>
public sealed class DockerEngineErrorTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task No_socket_is_an_unreachable_engine_that_names_the_socket_and_the_fix()
    {
        using var directory = new TempDirectory("sg-no-engine-");
        var socket = directory.Combine("docker.sock");
        using var engine = new DockerEngine(DockerEndpoint.ForSocket(socket));

        var error = await Should.ThrowAsync<DockerEngineUnreachableException>(() => engine.PingAsync(Cancel));

        error.Message.ShouldBe($"the Docker Engine does not answer at unix://{socket}: there is no socket {socket}");
        error.Fix.ShouldContain("start the Docker Engine");
        error.Fix.ShouldContain("DOCKER_HOST");
        error.Endpoint.ShouldBe(DockerEndpoint.ForSocket(socket));
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_socket_nobody_listens_on_is_unreachable_for_every_request()
    {
        using var directory = new TempDirectory("sg-dead-engine-");
        // A unix socket that is bound but does not listen: connect() is refused.
        var path = Path.Combine(directory.Path, "docker.sock");
        using var bound = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        bound.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));

        using var engine = new DockerEngine(DockerEndpoint.ForSocket(path));

        (await Should.ThrowAsync<DockerEngineUnreachableException>(() => engine.PingAsync(Cancel))).Message.ShouldContain("refused");
        await Should.ThrowAsync<DockerEngineUnreachableException>(() => engine.InspectContainerAsync("bind9", Cancel));
        await Should.ThrowAsync<DockerEngineUnreachableException>(() => engine.CreateNetworkAsync(SupportNetworkSpec.For(DockerTestConfig.Gateway), Cancel));
    }
}
