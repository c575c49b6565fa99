using Sixgill.Host;
using Sixgill.Steps;

namespace Sixgill.Engine;

/// <summary>The composition for changing the node Sixgill runs on: real adapters, journal and lock under the state directory.</summary>
internal static class LocalNode
{
    /// <param name="kubeadm">How kubeadm runs (time limit, where its output goes); by default ten minutes and output dropped.</param>
    public static Executor Executor(StatePaths paths, IProcessRunner? runner = null, Action<ExecutionEvent>? observe = null, IKubeadm? kubeadm = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Sixgill changes Linux nodes only");
        }

        runner ??= new ProcessRunner();
        var files = new LinuxFiles();
        var context = new StepContext(new IpRoute2Network(runner), files, new ProcSysctl(), paths.Backups)
        {
            Kubeadm = kubeadm ?? new KubeadmRunner(runner, KubeadmRunner.DefaultTimeout, progress: null),
        };
        return new Executor(context, new JournalFile(files, paths.Journal), new StateLock(paths.Lock), observe: observe);
    }
}
