namespace Sixgill.Machine;

/// <summary>
/// kubeadm (and its companion kubelet) on this node, as the <c>up</c> and <c>down</c> steps see it: a
/// narrow door, so tests can put a recording fake in its place.
/// </summary>
internal interface IKubeadm
{
    /// <summary><c>kubeadm version -o short</c> (<c>v1.31.2</c>); null when kubeadm is not installed.</summary>
    string? Version();

    /// <summary>Whether kubelet is installed (kubeadm starts it and fails without it).</summary>
    bool KubeletInstalled();

    /// <summary>
    /// Runs <c>kubeadm arguments…</c> to the end, its output passed on for a person to follow. Throws
    /// when it exits non-zero or overruns the time it is given (it is then killed).
    /// </summary>
    void Run(IReadOnlyList<string> arguments);
}
