using System.Globalization;
using Sixgill.Json;

namespace Sixgill.Lab;

/// <summary>One lab on this machine, as <c>lab list</c> shows it.</summary>
/// <param name="State"><c>up</c> or <c>leftovers</c> (see <see cref="LabStatus"/>).</param>
internal sealed record LabListEntry(string Name, string State, string? Config, IReadOnlyList<string> Nodes, int? OwnerPid)
{
    public static LabListEntry From(LabStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.Lab, status.State, status.Config, [.. status.Namespaces.Where(n => n.Role is "node" or "gateway").Select(n => n.Name)], status.OwnerPid);
    }
}

/// <summary><c>lab list</c>: every lab on this machine, up or left over, like <c>kind get clusters</c>.</summary>
internal sealed record LabList(IReadOnlyList<LabListEntry> Labs)
{
    public string ToJson() => ReadableJson.Serialize(this, LabJsonContext.Default.LabList);

    public void WriteText(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Labs.Count == 0)
        {
            output.WriteLine("no lab on this machine ('sudo sixgill lab up' makes one)");
            return;
        }

        var width = Math.Max(4, Labs.Max(l => l.Name.Length));
        output.WriteLine($"{"name".PadRight(width)}  state      nodes         config");
        foreach (var lab in Labs)
        {
            var owner = lab.OwnerPid is { } pid ? $" (in use by lab demo, pid {pid.ToString(CultureInfo.InvariantCulture)})" : "";
            var nodes = lab.Nodes.Count == 0 ? "-" : string.Join(",", lab.Nodes);
            output.WriteLine($"{lab.Name.PadRight(width)}  {lab.State,-9}  {nodes,-12}  {lab.Config ?? "-"}{owner}");
        }
    }
}

/// <summary><c>lab status</c> without <c>--name</c>: every lab on this machine.</summary>
internal sealed record LabStatusList(IReadOnlyList<LabStatus> Labs)
{
    public string ToJson() => ReadableJson.Serialize(this, LabJsonContext.Default.LabStatusList);
}

/// <summary><c>lab down --output json</c>: what was removed.</summary>
/// <param name="Removed">Anything of the lab was there (false: nothing to remove).</param>
internal sealed record LabDownJson(string Lab, bool Removed, bool Clean, IReadOnlyList<string> Daemons, IReadOnlyList<string> LeftAlone,
    int EndedProcesses, IReadOnlyList<string> DeletedNamespaces, IReadOnlyList<string> Unmounted, bool RemovedDirectory, IReadOnlyList<string> Problems)
{
    public static LabDownJson From(LabDownReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sweep = report.Sweep;
        return new(report.Lab, report.FoundAnything, report.IsClean, [.. report.Daemons.Select(d => d.Name)], [.. report.LeftAlone.Select(d => d.Name)],
            sweep.EndedProcesses.Count, sweep.DeletedNamespaces, sweep.Unmounted, sweep.RemovedDirectory, sweep.Problems);
    }

    public string ToJson() => ReadableJson.Serialize(this, LabJsonContext.Default.LabDownJson);
}
