using System.Globalization;

namespace Sixgill.Cli.Fleet;

/// <summary>
/// Progress of a fleet run on stderr: on a terminal one live line per node (what it is doing now),
/// redrawn in place; in a pipe or a log, plain lines <c>node: what happened</c>.
/// </summary>
internal sealed class FleetDisplay
{
    private readonly TextWriter _error;
    private readonly bool _live;
    private readonly Lock _gate = new();
    private readonly List<string> _order;
    private readonly Dictionary<string, string> _now = new(StringComparer.Ordinal);
    private bool _drawn;

    public FleetDisplay(TextWriter error, bool live, IEnumerable<string> nodes)
    {
        _error = error;
        _live = live;
        _order = [.. nodes];
        foreach (var node in _order)
        {
            _now[node] = "waiting";
        }
    }

    /// <summary>On a terminal (stderr not redirected) and writing to the real stderr.</summary>
    public static bool IsTerminal(TextWriter error) => (ReferenceEquals(error, Console.Error) || error is GuardedWriter) && !Console.IsErrorRedirected;

    /// <summary>What <paramref name="node"/> does now; in a pipe only the lines worth a log (not each line of the node's own progress).</summary>
    public void Say(string node, string what, bool milestone = true)
    {
        lock (_gate)
        {
            if (!_live)
            {
                if (milestone)
                {
                    _error.WriteLine($"{node}: {what}");
                }

                return;
            }

            _now[node] = what;
            Draw();
        }
    }

    /// <summary>A line for the whole run (a phase, a warning), above the live lines.</summary>
    public void Note(string line)
    {
        lock (_gate)
        {
            if (_live && _drawn)
            {
                _error.Write($"\x1b[{_order.Count.ToString(CultureInfo.InvariantCulture)}A\x1b[J");
                _drawn = false;
            }

            _error.WriteLine(line);
            if (_live)
            {
                Draw();
            }
        }
    }

    private void Draw()
    {
        var width = Math.Max(40, SafeWidth() - 1);
        var name = _order.Count == 0 ? 0 : _order.Max(n => n.Length);
        if (_drawn)
        {
            _error.Write($"\x1b[{_order.Count.ToString(CultureInfo.InvariantCulture)}A");
        }

        foreach (var node in _order)
        {
            var line = $"{node.PadRight(name)}  {_now[node]}";
            _error.Write("\r\x1b[K" + (line.Length > width ? line[..width] : line) + "\n");
        }

        _error.Flush();
        _drawn = true;
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}
