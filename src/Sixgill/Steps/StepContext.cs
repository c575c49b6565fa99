using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// Everything a step may touch: the host interfaces, and where file steps keep backups of files they
/// replace. Steps have no other way to reach the machine.
/// </summary>
/// <param name="Systemd">The service manager; null where systemd does not run (a unit is then not restarted, and the step says so).</param>
/// <param name="Docker">The Docker Engine, for the docker runtime's steps; made on first use (an unset or wrong DOCKER_HOST matters only then).</param>
/// <param name="Services">Programs, processes, nftables and DNS, for the gateway's service steps; null where a node is driven without them (tests of other steps).</param>
internal sealed record StepContext(INetwork Network, IFiles Files, ISysctl Sysctl, string BackupDirectory, ISystemd? Systemd = null, ServiceHost? Services = null, Lazy<IDockerEngine>? Docker = null)
{
    /// <summary>The service host; a step that needs it on a context without one is a wiring mistake.</summary>
    public ServiceHost RequireServices() =>
        Services ?? throw new InvalidOperationException("this node was set up without programs and processes; the gateway's service steps need them");

    /// <summary>kubeadm, for the steps of <c>up</c> and <c>down</c>; null where nothing runs it.</summary>
    public IKubeadm? Kubeadm { get; init; }

    /// <summary><see cref="Kubeadm"/>, or an error naming what is missing from the composition.</summary>
    public IKubeadm RequireKubeadm() =>
        Kubeadm ?? throw new InvalidOperationException("this step runs kubeadm, but no kubeadm adapter was given to the engine");

    /// <summary>The Docker Engine; a step that needs it on a context without one is a wiring mistake.</summary>
    public IDockerEngine RequireDocker() =>
        Docker?.Value ?? throw new InvalidOperationException("this node was set up without a Docker Engine; the docker runtime's steps need one");
}
