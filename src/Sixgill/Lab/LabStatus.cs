using System.Globalization;
using Sixgill.Json;

namespace Sixgill.Lab;

/// <summary>One interface of a lab namespace, with its global addresses (<c>address/length</c>).</summary>
internal sealed record InterfaceStatus(string Name, string State, IReadOnlyList<string> Addresses);

/// <summary>One namespace of a lab: a node, the internet or the switch.</summary>
/// <param name="Role"><c>gateway</c>, <c>node</c>, <c>internet</c> or <c>switch</c>.</param>
/// <param name="Processes">The programs running in it.</param>
internal sealed record NamespaceStatus(string Name, string Role, string Namespace, bool Present, IReadOnlyList<InterfaceStatus> Interfaces, IReadOnlyList<ProcessStatus> Processes);

/// <summary>One program running in a lab namespace.</summary>
internal sealed record ProcessStatus(string Program, int Pid)
{
    public override string ToString() => $"{Program} (pid {Pid.ToString(CultureInfo.InvariantCulture)})";
}

/// <summary>One daemon the lab started, and whether its pid still runs it.</summary>
internal sealed record DaemonStatus(string Name, string Program, int Pid, bool Running, string Log);

/// <summary>
/// What <c>lab status</c> shows: whether the lab is up (or only leftovers of a crashed run are
/// there), its config, every namespace with its addresses and processes, and its daemons.
/// </summary>
/// <param name="State"><c>up</c>, <c>absent</c>, or <c>leftovers</c> (parts missing, or its <c>lab demo</c> was killed).</param>
/// <param name="OwnerPid">The live <c>lab demo</c> that will remove it, if any.</param>
internal sealed record LabStatus(
    string Lab,
    string State,
    string? Config,
    string? NodeConfig,
    int? OwnerPid,
    IReadOnlyList<NamespaceStatus> Namespaces,
    IReadOnlyList<DaemonStatus> Daemons)
{
    public const string Up = "up";
    public const string Absent = "absent";
    public const string Leftovers = "leftovers";

    public string ToJson() => ReadableJson.Serialize(this, LabJsonContext.Default.LabStatus);

    public void WriteText(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = RunningLab.NameArgument(Lab);
        switch (State)
        {
            case Absent:
                output.WriteLine($"lab '{Lab}' is not up ('sudo sixgill lab up{name}' makes it)");
                return;
            case Leftovers:
                output.WriteLine($"lab '{Lab}' is not up, but an earlier run left parts of it: 'sudo sixgill lab down{name}' removes them");
                break;
            default:
                output.WriteLine($"lab '{Lab}' is up, made from {Config}; the nodes read {NodeConfig}");
                break;
        }

        if (OwnerPid is { } owner)
        {
            output.WriteLine($"in use by lab demo (pid {owner.ToString(CultureInfo.InvariantCulture)}), which removes it when done");
        }

        WriteNamespaces(output);
        if (Daemons.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("daemons");
            foreach (var daemon in Daemons)
            {
                output.WriteLine($"  {daemon.Name,-4} {daemon.Program,-8} pid {daemon.Pid.ToString(CultureInfo.InvariantCulture),-7} {(daemon.Running ? "running" : "ENDED"),-7}  log {daemon.Log}");
            }
        }
    }

    private void WriteNamespaces(TextWriter output)
    {
        if (Namespaces.Count == 0)
        {
            return;
        }

        output.WriteLine();
        var rows = Namespaces.Select(n => (n.Name, n.Role, n.Namespace, Addresses: n.Present ? Describe(n) : "MISSING", Processes: n.Processes.Count == 0 ? "-" : string.Join(", ", n.Processes.Select(p => p.ToString())))).ToList();
        var widths = (
            Name: Math.Max(4, rows.Max(r => r.Name.Length)),
            Role: Math.Max(4, rows.Max(r => r.Role.Length)),
            Namespace: Math.Max(9, rows.Max(r => r.Namespace.Length)),
            Addresses: Math.Max(10, rows.Max(r => r.Addresses.Length)));
        output.WriteLine($"{"name".PadRight(widths.Name)}  {"role".PadRight(widths.Role)}  {"namespace".PadRight(widths.Namespace)}  {"interfaces".PadRight(widths.Addresses)}  processes");
        foreach (var row in rows)
        {
            output.WriteLine($"{row.Name.PadRight(widths.Name)}  {row.Role.PadRight(widths.Role)}  {row.Namespace.PadRight(widths.Namespace)}  {row.Addresses.PadRight(widths.Addresses)}  {row.Processes}");
        }
    }

    /// <summary><c>eth1 fd00:20::2/64; eth0 203.0.113.2/24</c>; an interface without addresses by its name alone.</summary>
    private static string Describe(NamespaceStatus space) =>
        space.Interfaces.Count == 0 ? "-" : string.Join("; ", space.Interfaces.Select(i => i.Addresses.Count == 0 ? i.Name : $"{i.Name} {string.Join(" ", i.Addresses)}"));
}
