using System.Globalization;
using System.Text.Json;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// <c>up</c>, <c>down</c> and <c>init</c> in a <see cref="PrepareLab"/>: the recording kubeadm stand-in
/// and a dummy kubelet first on <c>PATH</c> (TESTING.md §8; kubeadm cannot be installed here), and a
/// person who "ran sudo" (<c>SUDO_USER</c>) with a home in the test's directory, so that the master's
/// <c>~/.kube/config</c> lands there and never in the machine's <c>/root</c>.
/// </summary>
internal static class UpDownLab
{
    public const string User = "sglab";

    public const int Uid = 4242;

    /// <summary>Where the stand-in records, inside each node (its private /var/lib).</summary>
    public const string StandInState = "/var/lib/kubeadm-standin";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static string Home(this PrepareLab lab) => Path.Combine(lab.Directory, "home", User);

    /// <summary>Copies the stand-in where nodes see it and adds the person to every node's own /etc/passwd.</summary>
    public static async Task UseStandInAsync(this PrepareLab lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        var bin = Path.Combine(lab.Directory, "bin");
        Directory.CreateDirectory(bin);
        foreach (var program in new[] { "kubeadm", "kubelet" })
        {
            var copy = Path.Combine(bin, program);
            File.Copy(Path.Combine(AppContext.BaseDirectory, "kubeadm-standin", program), copy);
            await new ProcessRunner().RunCheckedAsync(["chmod", "755", copy], Cancel);
        }

        Directory.CreateDirectory(lab.Home());
        await new ProcessRunner().RunCheckedAsync(["chown", $"{Uid}:{Uid}", lab.Home()], Cancel);
        var entry = string.Create(CultureInfo.InvariantCulture, $"{User}:x:{Uid}:{Uid}:Sixgill lab test:{lab.Home()}:/bin/sh\n");
        foreach (var node in lab.Lab.Nodes)
        {
            (await node.RunAsync(new ProcessRequest(["tee", "-a", "/etc/passwd"]) { StandardInput = entry }, Cancel)).EnsureSuccess();
        }
    }

    /// <summary><c>sixgill ARGS -c CONFIG</c> in the node as <c>sudo</c> would run it, the stand-in first on PATH, with its switches.</summary>
    public static Task<ProcessResult> SudoSixgillAsync(this PrepareLab lab, LabNode node, IReadOnlyDictionary<string, string?>? standIn, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(lab);
        var environment = new Dictionary<string, string?>(standIn ?? new Dictionary<string, string?>())
        {
            ["PATH"] = $"{Path.Combine(lab.Directory, "bin")}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ["SUDO_USER"] = User,
        };
        return lab.SixgillAsync(node, environment, arguments);
    }

    public static Task<ProcessResult> SudoSixgillAsync(this PrepareLab lab, LabNode node, params string[] arguments) =>
        lab.SudoSixgillAsync(node, null, arguments);

    /// <summary>The kubeadm calls the stand-in recorded in the node, in order (<c>join --config /etc/sixgill/kubeadm.yaml</c>).</summary>
    public static async Task<IReadOnlyList<string>> KubeadmCallsAsync(LabNode node) =>
        (await ReadAsync(node, $"{StandInState}/calls") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A file in the node; null when it does not exist.</summary>
    public static async Task<string?> ReadAsync(LabNode node, string path)
    {
        ArgumentNullException.ThrowIfNull(node);
        var result = await node.RunAsync(["cat", path], Cancel);
        return result.Succeeded ? result.StandardOutput : null;
    }

    public static async Task<bool> ExistsAsync(LabNode node, string path)
    {
        ArgumentNullException.ThrowIfNull(node);
        return (await node.RunAsync(["test", "-e", path], Cancel)).Succeeded;
    }

    /// <summary><c>stat -c '%a %u'</c> of a file in the node.</summary>
    public static async Task<string> ModeAndOwnerAsync(LabNode node, string path)
    {
        ArgumentNullException.ThrowIfNull(node);
        return (await node.RunAsync(["stat", "-c", "%a %u", path], Cancel)).EnsureSuccess().StandardOutput.Trim();
    }

    /// <summary>The node's routes of the main table as iproute2 prints them (<c>dst via gw dev dev</c>), both families.</summary>
    public static async Task<IReadOnlyList<string>> RoutesAsync(LabNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var routes = new List<string>();
        foreach (var family in new[] { "-6", "-4" })
        {
            using var json = JsonDocument.Parse((await node.RunAsync(["ip", "-j", family, "route", "show", "table", "main"], Cancel)).EnsureSuccess().StandardOutput);
            routes.AddRange(json.RootElement.EnumerateArray().Select(r =>
                r.GetProperty("dst").GetString()
                + (r.TryGetProperty("gateway", out var via) ? $" via {via.GetString()}" : "")
                + (r.TryGetProperty("dev", out var dev) ? $" dev {dev.GetString()}" : "")));
        }

        return routes;
    }

    /// <summary>Whether the node has a link of that name.</summary>
    public static async Task<bool> HasLinkAsync(LabNode node, string name)
    {
        ArgumentNullException.ThrowIfNull(node);
        return (await node.RunAsync(["ip", "link", "show", "dev", name], Cancel)).Succeeded;
    }

    /// <summary>The command lines of the processes still running in the node's network namespace.</summary>
    public static async Task<IReadOnlyList<string>> ProcessesAsync(LabNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var pids = (await new ProcessRunner().RunCheckedAsync(["ip", "netns", "pids", node.Namespace], Cancel)).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        foreach (var pid in pids)
        {
            try
            {
                lines.Add((await File.ReadAllTextAsync($"/proc/{pid}/cmdline", Cancel)).Replace('\0', ' ').Trim());
            }
            catch (IOException)
            {
                // ended meanwhile
            }
        }

        return lines;
    }
}
