using Sixgill.Machine;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// kubeadm as the steps see it, acting on a <see cref="FakeFiles"/> the way the real one acts on the
/// disk: init writes admin.conf and kubelet.conf, join kubelet.conf, reset removes what they made.
/// </summary>
internal sealed class FakeKubeadm(FakeFiles files) : IKubeadm
{
    public const string AdminConf = "/etc/kubernetes/admin.conf";

    /// <summary>What kubeadm init writes into admin.conf, in its layout (the keys made up).</summary>
    public const string AdminConfText = """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: Q0EgY2VydGlmaWNhdGU=
            server: https://[fd00:20::2]:6443
          name: kubernetes
        contexts:
        - context:
            cluster: kubernetes
            user: kubernetes-admin
          name: kubernetes-admin@kubernetes
        current-context: kubernetes-admin@kubernetes
        kind: Config
        preferences: {}
        users:
        - name: kubernetes-admin
          user:
            client-certificate-data: Y2xpZW50IGNlcnQ=
            client-key-data: Y2xpZW50IGtleQ==

        """;

    public const string KubeletConf = "/etc/kubernetes/kubelet.conf";

    /// <summary>What <c>kubeadm version -o short</c> answers; null: kubeadm is not installed.</summary>
    public string? InstalledVersion { get; set; } = "v1.31.0";

    public bool HasKubelet { get; set; } = true;

    /// <summary>The verb (<c>init</c>, <c>join</c>, <c>reset</c>) that fails, as a non-zero exit would.</summary>
    public string? FailOn { get; set; }

    /// <summary>Every command run, as typed (<c>init --config /etc/sixgill/kubeadm.yaml</c>).</summary>
    public List<string> Calls { get; } = [];

    public string? Version() => InstalledVersion;

    public bool KubeletInstalled() => HasKubelet;

    public void Run(IReadOnlyList<string> arguments)
    {
        Calls.Add(string.Join(' ', arguments));
        if (arguments[0] == FailOn)
        {
            throw new InvalidOperationException($"'kubeadm {string.Join(' ', arguments)}' exited with 1: simulated failure");
        }

        switch (arguments[0])
        {
            case "init":
                files.WithFile(AdminConf, AdminConfText, (UnixFileMode)Convert.ToInt32("600", 8));
                files.WithFile(KubeletConf, "apiVersion: v1\nkind: Config\n# kubelet\n");
                break;
            case "join":
                files.WithFile(KubeletConf, "apiVersion: v1\nkind: Config\n# kubelet\n");
                break;
            case "reset":
                foreach (var path in files.Paths.Where(p => p.StartsWith("/etc/kubernetes/", StringComparison.Ordinal)).ToList())
                {
                    files.Delete(path);
                }

                break;
        }
    }
}
