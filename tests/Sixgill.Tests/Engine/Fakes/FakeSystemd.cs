using Sixgill.Machine;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// systemd as the gateway's units see it: units are enabled and started by name, and a started unit
/// runs its daemon through <see cref="Starting"/> (the fake programs), as its ExecStart would.
/// </summary>
internal sealed class FakeSystemd(Doom? doom = null) : ISystemd
{
    private readonly Doom doom = doom ?? new Doom();
    private readonly SortedSet<string> enabled = new(StringComparer.Ordinal);
    private readonly SortedSet<string> active = new(StringComparer.Ordinal);

    public List<string> Log { get; } = [];

    public List<string> Restarts { get; } = [];

    /// <summary>What starting a unit does (starts its daemon); stopping ends it through <see cref="Stopping"/>.</summary>
    public Action<string> Starting { get; set; } = _ => { };

    public Action<string> Stopping { get; set; } = _ => { };

    public void Restart(string unit)
    {
        doom.Change();
        Log.Add($"restart {unit}");
        Restarts.Add(unit);
        if (active.Contains(unit))
        {
            Stopping(unit);
        }

        active.Add(unit);
        Starting(unit);
    }

    public void DaemonReload()
    {
        doom.Change();
        Log.Add("daemon-reload");
    }

    public void Enable(string unit)
    {
        doom.Change();
        Log.Add($"enable {unit}");
        enabled.Add(unit);
    }

    public void Disable(string unit, bool stop)
    {
        doom.Change();
        Log.Add(stop ? $"disable --now {unit}" : $"disable {unit}");
        enabled.Remove(unit);
        if (stop && active.Remove(unit))
        {
            Stopping(unit);
        }
    }

    public bool IsEnabled(string unit)
    {
        doom.Check();
        return enabled.Contains(unit);
    }

    public bool IsActive(string unit)
    {
        doom.Check();
        return active.Contains(unit);
    }

    public string Snapshot() => string.Concat(enabled.Select(u => $"enabled {u}\n")) + string.Concat(active.Select(u => $"active {u}\n"));
}
