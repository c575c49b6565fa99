using System.Globalization;
using System.Text.Json;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>Reads a lab's <see cref="LabStatus"/> from its state file and the machine; changes nothing.</summary>
internal sealed class LabStatusReader
{
    private readonly IProcessRunner runner;

    public LabStatusReader(IProcessRunner runner)
    {
        this.runner = runner;
    }

    public async Task<LabStatus> ReadAsync(string lab, CancellationToken cancellationToken)
    {
        var names = new LabNames(lab);
        var sweeper = new LabSweeper(this.runner);
        var state = LabStateFile.TryRead(names);
        if (state is null)
        {
            var left = LabSweeper.Exists(names);
            return new LabStatus(lab, left ? LabStatus.Leftovers : LabStatus.Absent, null, null, null, [], []);
        }

        var present = LabSweeper.Namespaces();
        var layout = LabLayout.Plan(state.Spec);
        var spaces = new List<NamespaceStatus>();
        foreach (var node in layout.Nodes)
        {
            spaces.Add(await NamespaceAsync(node.Name, node.IsGateway ? "gateway" : "node", node.Namespace, present, cancellationToken));
        }

        if (layout.Internet is { } internet)
        {
            spaces.Add(await NamespaceAsync("internet", "internet", internet, present, cancellationToken));
        }

        spaces.Add(await NamespaceAsync("switch", "switch", layout.Switch, present, cancellationToken));
        // A lab whose owner (a lab demo) died is what that crash left, however complete it looks.
        var complete = spaces.All(s => s.Present) && state.Owner is null or { IsAlive: true };
        var daemons = state.Daemons.Select(d => new DaemonStatus(d.Name, d.Program, d.Pid, d.IsRunning, d.LogFile)).ToList();
        return new LabStatus(lab, complete ? LabStatus.Up : LabStatus.Leftovers, state.ConfigSource, state.NodeConfig,
            state.Owner is { IsAlive: true } owner ? owner.Pid : null, spaces, daemons);
    }

    private async Task<NamespaceStatus> NamespaceAsync(string name, string role, string namespaceName, IReadOnlyList<string> present, CancellationToken cancellationToken)
    {
        if (!present.Contains(namespaceName))
        {
            return new NamespaceStatus(name, role, namespaceName, false, [], []);
        }

        var addresses = await this.runner.RunAsync(["ip", "-j", "-n", namespaceName, "address", "show"], cancellationToken);
        var pids = await this.runner.RunAsync(["ip", "netns", "pids", namespaceName], cancellationToken);
        var processes = LabTeardown.ProcessesToEnd(pids.StandardOutput, Environment.ProcessId)
            .Select(pid => (Pid: pid, Program: ProcessTable.Find(pid)?.Name))
            .Where(p => p.Program is not null)
            .Select(p => new ProcessStatus(p.Program!, p.Pid))
            .ToList();
        return new NamespaceStatus(name, role, namespaceName, true, Interfaces(addresses.StandardOutput), processes);
    }

    /// <summary>Every interface but loopback, with its addresses of global scope (link-local ones say nothing here).</summary>
    internal static IReadOnlyList<InterfaceStatus> Interfaces(string ipJson)
    {
        var text = ipJson.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        using var json = JsonDocument.Parse(text);
        var interfaces = new List<InterfaceStatus>();
        foreach (var link in json.RootElement.EnumerateArray())
        {
            var name = link.TryGetProperty("ifname", out var n) ? n.GetString() ?? "" : "";
            if (name is "" or "lo")
            {
                continue;
            }

            var state = link.TryGetProperty("operstate", out var s) ? s.GetString() ?? "" : "";
            var addresses = link.TryGetProperty("addr_info", out var info)
                ? info.EnumerateArray()
                    .Where(a => a.TryGetProperty("scope", out var scope) && scope.GetString() == "global" && a.TryGetProperty("local", out _))
                    .Select(a => $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32().ToString(CultureInfo.InvariantCulture)}")
                    .ToList()
                : [];
            interfaces.Add(new InterfaceStatus(name, state, addresses));
        }

        return interfaces;
    }
}
