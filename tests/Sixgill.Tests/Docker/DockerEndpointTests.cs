using Sixgill.Docker;

namespace Sixgill.Tests.Docker;

public sealed class DockerEndpointTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_DOCKER_HOST_the_engines_usual_socket_is_used(string? value)
    {
        DockerEndpoint.Resolve(value).ShouldBe(new Uri("unix:///var/run/docker.sock"));
    }

    [Theory]
    [InlineData("unix:///run/sg/docker.sock", "unix:///run/sg/docker.sock")]
    [InlineData("tcp://[fd00:20::2]:2375", "tcp://[fd00:20::2]:2375")]
    [InlineData("tcp://localhost:2375", "tcp://localhost:2375")]
    public void DOCKER_HOST_is_taken_as_the_docker_CLI_takes_it(string value, string expected)
    {
        DockerEndpoint.Resolve(value).ShouldBe(new Uri(expected));
    }

    [Theory]
    [InlineData("ssh://root@gw")]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("unix://")]
    [InlineData("/var/run/docker.sock")]
    [InlineData("tcp://")]
    public void Other_addresses_are_refused_with_the_accepted_forms(string value)
    {
        Should.Throw<FormatException>(() => DockerEndpoint.Resolve(value)).Message.ShouldContain("unix:///path/to/docker.sock");
    }

    [Fact]
    public void A_socket_path_becomes_a_unix_address()
    {
        DockerEndpoint.ForSocket("/tmp/sg/docker.sock").ShouldBe(new Uri("unix:///tmp/sg/docker.sock"));
        Should.Throw<ArgumentException>(() => DockerEndpoint.ForSocket("docker.sock"));
    }
}
