namespace Sixgill.Host.Processes;

/// <summary>How the kubeadm of a run is run: its time limit (<c>--timeout</c>) and where its output goes, line by line.</summary>
internal sealed record KubeadmSettings(TimeSpan Timeout, Action<string>? Progress)
{
    public static KubeadmSettings Default { get; } = new(KubeadmRunner.DefaultTimeout, null);
}
