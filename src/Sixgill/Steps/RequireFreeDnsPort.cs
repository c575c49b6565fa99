using System.Net;
using Sixgill.Gateway;
using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// The gateway's port-53 preflight (<see cref="Dns64PortRule"/>) as a step before every change: its
/// probe finds no other DNS server on the DNS64 address, now or at boot, or stops the run (exit 3)
/// naming each and its fix. Nothing to apply or undo: Sixgill never changes another service.
/// </summary>
internal sealed record RequireFreeDnsPort(string Dns64Address, string OwnConfig) : Step
{
    public override string Id => $"port:{Dns64Address}:53";

    public override string Description => $"no other DNS server on [{Dns64Address}]:53";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = IPAddress.Parse(Dns64Address);
        var foreign = Dns64PortRule.Foreign(context.RequireServices().Ports.On(Dns64PortRule.Port), address, OwnConfig);
        var enabled = new List<string>();
        if (context.Systemd is { } systemd)
        {
            foreach (var unit in Dns64PortRule.ServerUnits)
            {
                // bind9.service is named.service's alias: named once.
                if (foreign.All(l => l.Unit != unit) && !(unit == "bind9.service" && enabled.Contains("named.service")) && systemd.IsEnabled(unit))
                {
                    enabled.Add(unit);
                }
            }
        }

        enabled.RemoveAll(u => u == "bind9.service" && foreign.Any(l => l.Unit == "named.service"));
        return foreign.Count == 0 && enabled.Count == 0
            ? ProbeResult.Present
            : throw new PreconditionFailedException(Dns64PortRule.Refusal(address, foreign, enabled));
    }

    public override Undo PrepareUndo(StepContext context) => throw new InvalidOperationException($"{Description} is a check: there is nothing to apply");

    public override void Apply(StepContext context, Undo undo) => throw new InvalidOperationException($"{Description} is a check: there is nothing to apply");

    public override Undo? FindUndo(StepContext context) => null;
}
