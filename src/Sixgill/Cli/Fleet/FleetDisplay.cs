using System.Globalization;

namespace Sixgill.Cli.Fleet;

/// <summary>
/// Progress of a fleet run on stderr: on a terminal one live line per node (what it is doing now),
/// redrawn in place; in a pipe or a log, plain lines <c>node: what happened</c>.
/// </summary>
internal sealed class FleetDisplay
{
    private readonly TextWriter error;
    private readonly bool live;
    private readonly Lock gate = new();
    private readonly List<string> order;
    private readonly Dictionary<string, string> now = new(StringComparer.Ordinal);
    private bool drawn;

    public FleetDisplay(TextWriter error, bool live, IEnumerable<string> nodes)
    {
        this.error = error;
        this.live = live;
        order = [.. nodes];
        foreach (var node in this.order)
        {
            this.now[node] = "waiting";
        }
    }

    /// <summary>What <paramref name="node"/> does now; in a pipe only the lines worth a log (not each line of the node's own progress).</summary>
    public void Say(string node, string what, bool milestone = true)
    {
        lock (this.gate)
        {
            if (!this.live)
            {
                if (milestone)
                {
                    this.error.WriteLine($"{node}: {what}");
                }

                return;
            }

            this.now[node] = what;
            Draw();
        }
    }

    /// <summary>A line for the whole run (a phase, a warning), above the live lines.</summary>
    public void Note(string line)
    {
        lock (this.gate)
        {
            if (this.live && this.drawn)
            {
                this.error.Write($"\x1b[{this.order.Count.ToString(CultureInfo.InvariantCulture)}A\x1b[J");
                drawn = false;
            }

            this.error.WriteLine(line);
            if (this.live)
            {
                Draw();
            }
        }
    }

    private void Draw()
    {
        var width = Math.Max(40, ProgressLine.Columns() - 1);
        var name = this.order.Count == 0 ? 0 : this.order.Max(n => n.Length);
        if (this.drawn)
        {
            this.error.Write($"\x1b[{this.order.Count.ToString(CultureInfo.InvariantCulture)}A");
        }

        foreach (var node in this.order)
        {
            var line = $"{node.PadRight(name)}  {this.now[node]}";
            this.error.Write("\r\x1b[K" + (line.Length > width ? line[..width] : line) + "\n");
        }

        this.error.Flush();
        drawn = true;
    }
}
