using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Processes;

/// <summary>
/// <see cref="IKubeadm"/> through the process runner. kubeadm runs with a time limit (ten
/// minutes unless <c>--timeout</c> says otherwise) and its output goes line by line to
/// <paramref name="progress"/> (stderr: stdout carries Sixgill's results), with every bootstrap token
/// masked — <c>kubeadm init</c> prints the join command, token included.
/// </summary>
internal sealed class KubeadmRunner(IProcessRunner runner, TimeSpan timeout, Action<string>? progress) : IKubeadm
{
    private readonly Lock gate = new();

    public const string Program = "kubeadm";

    public const string Kubelet = "kubelet";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    // Asking for a version takes milliseconds; this only bounds a hung binary.
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout { get; } = timeout;

    public string? Version()
    {
        var result = Query([Program, "version", "-o", "short"]);
        return result?.EnsureSuccess().StandardOutput.Trim();
    }

    public bool KubeletInstalled() => ProgramSearch.IsInstalled(Kubelet);

    public void Run(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        IReadOnlyList<string> command = [Program, .. arguments];
        var shown = CommandLine.Format(command);
        // One line at a time, whole, whichever of kubeadm's two streams it came from.
        Action<string>? sink = progress is null ? null : line =>
        {
            lock (gate)
            {
                progress(line);
            }
        };
        var stdout = new MaskedLines(sink);
        var stderr = new MaskedLines(sink);
        ProcessResult result;
        try
        {
            result = runner.RunAsync(new ProcessRequest(command)
            {
                Timeout = Timeout,
                OnStandardOutput = stdout.Add,
                OnStandardError = stderr.Add,
            }).GetAwaiter().GetResult();
        }
        catch (ProcessTimeoutException)
        {
            // Its own message would quote kubeadm's stderr unmasked; that went to the progress stream already.
            throw new TimeoutException($"'{shown}' did not finish within {Describe(Timeout)} and was killed (a longer --timeout gives it more time)");
        }
        finally
        {
            stdout.Flush();
            stderr.Flush();
        }

        if (!result.Succeeded)
        {
            var last = LastLine(result.StandardError) ?? LastLine(result.StandardOutput);
            throw new InvalidOperationException($"'{shown}' exited with {result.ExitCode}"
                + (last is null ? "" : $": {Secrets.MaskTokensIn(last)}"));
        }
    }

    internal static string Describe(TimeSpan time) =>
        time.TotalMinutes >= 1 && time.Seconds == 0 ? $"{time.TotalMinutes:0.#} min" : $"{time.TotalSeconds:0.#} s";

    // Null when the program is not installed.
    private ProcessResult? Query(IReadOnlyList<string> command)
    {
        try
        {
            return runner.RunAsync(new ProcessRequest(command) { Timeout = QueryTimeout }).GetAwaiter().GetResult();
        }
        catch (ProgramNotFoundException)
        {
            return null;
        }
    }

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
}
