using System.Text.Json;
using Sixgill.Kube;

namespace Sixgill.Cli.Fleet;

/// <summary>
/// <c>sixgill kubeconfig --all</c>: the master's admin kubeconfig (as <c>sixgill kubeconfig -o json</c>
/// printed it there) merged into the kubeconfig of the person who typed the command on this machine
/// (<c>$HOME/.kube/config</c>), as <c>up</c> does on the master: a cluster, a user and a context named
/// <c>sixgill-&lt;master&gt;</c>, made current, every other entry kept. The credentials are written only
/// there (0600), never printed.
/// </summary>
internal static class AdminKubeconfig
{
    /// <summary>Merges the node's report into <paramref name="home"/>'s kubeconfig and says what it did.</summary>
    public static string MergeInto(string home, JsonElement report)
    {
        if (report.ValueKind != JsonValueKind.Object
            || !report.TryGetProperty("context", out var contextValue) || contextValue.GetString() is not { Length: > 0 } context
            || !report.TryGetProperty("kubeconfig", out var kubeconfigValue) || kubeconfigValue.GetString() is not { Length: > 0 } kubeconfig)
        {
            throw new SixgillException(ExitCodes.ChangeFailed, "the master's sixgill kubeconfig printed no kubeconfig", "run 'sudo sixgill kubeconfig' on the master and look at what it says");
        }

        var directory = Path.Combine(home, ".kube");
        var path = Path.Combine(directory, "config");
        var existing = File.Exists(path) ? File.ReadAllText(path) : null;
        string merged;
        try
        {
            merged = KubeconfigMerge.Merge(existing, kubeconfig, context);
        }
        catch (FormatException e)
        {
            throw new SixgillException(ExitCodes.Precondition, $"{path}: {e.Message}; it was left as it was",
                $"fix or move it aside, then run kubeconfig --all again");
        }

        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var backup = existing is null ? null : $"{path}.before-{context}";
        if (backup is not null)
        {
            File.Copy(path, backup, overwrite: true);
        }

        var temporary = path + ".sixgill-new";
        File.WriteAllBytes(temporary, KubeconfigMerge.Bytes(merged));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
        return $"{path} has the context {context} (now current)" + (backup is null ? "" : $"; the file before is {backup}");
    }
}
