using System.Text.Json;
using Sixgill.Fleet;

namespace Sixgill.Lab;

/// <summary>
/// The demo's way to its nodes over SSH (<c>lab demo --ssh</c>): each phase is one
/// <c>sixgill COMMAND --all</c> typed in the lab's admin node with the admin's HOME, the code a user
/// runs on an admin machine, and the JSON document it prints gives each node's run.
/// </summary>
internal sealed class AdminFleet(LabNode admin, IReadOnlyList<string> program, LabNames names)
{
    /// <param name="arguments">The command and its options (<c>prepare --all -c FILE</c>); JSON output is asked for here.</param>
    public async Task<IReadOnlyList<NodeRun>> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var result = await admin.RunAsync(["env", $"HOME={names.AdminHome}", .. program, .. arguments, "--output", "json"], cancellationToken);
        var document = Read(result.StandardOutput)
            ?? throw new LabException($"'sixgill {string.Join(' ', arguments)}' in the admin node gave no report (exit {result.ExitCode}): {string.Join(" ", DemoReport.Tail(result.StandardError, 3))}");
        return [.. document.Nodes.Select(Run)];
    }

    private static FleetJson? Read(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, FleetJsonContext.Default.FleetJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A node as the demo counts it: its own report as what it printed, its error lines as what it said.</summary>
    internal static NodeRun Run(FleetNodeJson node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new(node.Node, node.ExitCode, TimeSpan.FromSeconds(node.Seconds), node.Report?.GetRawText() ?? "", string.Join('\n', node.Errors))
        {
            NotStarted = node.NotStarted,
        };
    }
}
