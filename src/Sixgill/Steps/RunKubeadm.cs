using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Steps;

/// <summary>Which cluster-making command of kubeadm a node runs: the master inits, minions join.</summary>
internal enum KubeadmVerb
{
    Init,
    Join,
}

/// <summary>
/// <c>kubeadm init|join --config /etc/sixgill/kubeadm.yaml</c> (docs/steps.md), undone by
/// <c>kubeadm reset --force</c>. Its probe is <c>up</c>'s preflight (§5.4 step 4): kubeadm and kubelet
/// installed, kubeadm at least 1.31 and of the config's <c>kubernetes_version</c>, and the kubeadm file the one
/// <c>prepare</c> writes for this config — so that, the engine probing every step first, a missing
/// piece stops <c>up</c> before anything changed.
/// </summary>
/// <param name="Config">The kubeadm file this config gives (compared, never written: it is prepare's): another file there is stale.</param>
/// <param name="KubernetesVersion">The config's <c>kubernetes_version</c>; null accepts any kubeadm.</param>
internal sealed record RunKubeadm(KubeadmVerb Verb, string ConfigPath, FileBody Config, string? KubernetesVersion) : Step
{
    /// <summary>What kubeadm leaves once a node is in a cluster: the master's admin kubeconfig, any node's kubelet one.</summary>
    public const string AdminConf = "/etc/kubernetes/admin.conf";

    public const string KubeletConf = "/etc/kubernetes/kubelet.conf";

    public override string Id => $"kubeadm:{VerbWord}";

    public override string Description => $"kubeadm {VerbWord} --config {ConfigPath}";

    public IReadOnlyList<string> Arguments => [VerbWord, "--config", ConfigPath];

    private string VerbWord => Verb == KubeadmVerb.Init ? "init" : "join";

    private string DoneMarker => Verb == KubeadmVerb.Init ? AdminConf : KubeletConf;

    // A node in a cluster already needs no kubeadm run, so nothing to check either: a no-op up, and the
    // engine's probe after the apply, start no process.
    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Files.Stat(DoneMarker) is not null)
        {
            return new ProbeResult(ProbeState.Present, $"{DoneMarker} exists: this node is in a cluster already");
        }

        CheckPreconditions(context);
        return ProbeResult.Absent();
    }

    public override Undo PrepareUndo(StepContext context) => new ResetKubeadm();

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = Expect<ResetKubeadm>(undo);
        context.RequireKubeadm().Run(Arguments);
    }

    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Files.Stat(DoneMarker) is null ? null : new ResetKubeadm();
    }

    private void CheckPreconditions(StepContext context)
    {
        var kubeadm = context.RequireKubeadm();
        var version = kubeadm.Version()
            ?? throw new PreconditionFailedException("kubeadm is not installed (not on PATH): install kubeadm and kubelet "
                + "(https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/)");
        if (!kubeadm.KubeletInstalled())
        {
            throw new PreconditionFailedException("kubelet is not installed (not on PATH): kubeadm needs it; install it with kubeadm");
        }

        if (KubernetesRelease.Parse(version) is not { IsSupported: true })
        {
            throw new PreconditionFailedException($"kubeadm is {version}, older than {KubernetesRelease.Floor}, the oldest release Sixgill writes for "
                + $"(its file is kubeadm.k8s.io/v1beta4 with kube-proxy in nftables mode, both from {KubernetesRelease.Floor}): "
                + $"install kubeadm and kubelet {KubernetesRelease.Floor} or newer");
        }

        if (KubernetesVersion is { } wanted && !SameVersion(version, wanted))
        {
            throw new PreconditionFailedException($"kubeadm is {version}, but general.kubernetes_version is {wanted}: "
                + $"install kubeadm {wanted}, or set kubernetes_version to {version}");
        }

        var file = context.Files.Read(ConfigPath)
            ?? throw new PreconditionFailedException($"{ConfigPath} does not exist: run `sixgill prepare` on this node first");
        if (!Config.Matches(file))
        {
            throw new PreconditionFailedException($"{ConfigPath} is not the one this config gives (the config changed since, "
                + "e.g. by `sixgill init`, or the file was edited): run `sixgill prepare` again");
        }
    }

    private static bool SameVersion(string a, string b) =>
        string.Equals(a.TrimStart('v'), b.TrimStart('v'), StringComparison.Ordinal);
}

/// <summary>
/// <c>kubeadm reset --force</c>: takes the node out of the cluster and removes what kubeadm made. Safe on
/// a node kubeadm never touched, so it is safe in every crash state.
/// </summary>
internal sealed record ResetKubeadm : Undo
{
    public static IReadOnlyList<string> Arguments { get; } = ["reset", "--force"];

    public override string Describe() => "kubeadm reset --force";

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireKubeadm().Run(Arguments);
        return UndoOutcome.Reverted("kubeadm reset --force");
    }
}
