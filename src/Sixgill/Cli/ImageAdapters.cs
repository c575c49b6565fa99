using Sixgill.Host.Docker;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Cli;

/// <summary>What <c>images build</c> uses of this machine; the CLI's in-process tests give fakes.</summary>
/// <param name="Connect">The Docker Engine to give the images to, made when the command runs (<c>DOCKER_HOST</c>, or /var/run/docker.sock); a <see cref="FormatException"/> for a <c>DOCKER_HOST</c> it cannot use.</param>
/// <param name="Runner">Runs the image recipes' debootstrap.</param>
/// <param name="IsRoot">Whether this process may run debootstrap.</param>
internal sealed record ImageAdapters(Func<IDockerEngine> Connect, IProcessRunner Runner, bool IsRoot)
{
    /// <summary>This machine.</summary>
    public static ImageAdapters Local => new(DockerEngine.FromEnvironment, new ProcessRunner(), Environment.IsPrivilegedProcess);
}
