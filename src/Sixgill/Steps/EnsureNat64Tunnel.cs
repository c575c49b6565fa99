namespace Sixgill.Steps;

/// <summary>
/// TAYGA's tun device (<c>nat64</c>), made by TAYGA itself (<c>tayga -c CONF --mktun</c>, which
/// gives it the owner and flags TAYGA expects) and set up. It is persistent: it outlives TAYGA, so
/// the routes into it can be added before TAYGA runs, and undo deletes it by name.
/// </summary>
/// <param name="Config">TAYGA's config, which names the device; it must be written first.</param>
internal sealed record EnsureNat64Tunnel(string Name, string Config) : Step
{
    public override string Id => $"tunnel:{Name}";

    public override string Description => $"NAT64 tunnel {Name} (tayga --mktun)";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Network.FindLink(Name) switch
        {
            null => ProbeResult.Absent(),
            { IsUp: true } => ProbeResult.Present,
            _ => ProbeResult.Different($"{Name} is down"),
        };
    }

    public override Undo PrepareUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = context.Network.FindLink(Name);
        return new RemoveLink(Name, Created: link is null, null, LinkWasDown: link is { IsUp: false });
    }

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remove = Expect<RemoveLink>(undo);
        if (remove.Created)
        {
            var made = context.RequireServices().Programs.Run(["tayga", "-c", Config, "--mktun"]);
            if (!made.Succeeded)
            {
                throw new InvalidOperationException($"tayga -c {Config} --mktun failed (exit {made.ExitCode}): {(made.StandardError + made.StandardOutput).Trim()}");
            }
        }

        context.Network.SetLinkUp(Name, true);
    }

    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Network.FindLink(Name) is null ? null : new RemoveLink(Name, Created: true, null, LinkWasDown: false);
    }
}
