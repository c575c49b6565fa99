using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>A route in the main table (docs/address-plan.md), written with <c>replace</c>.</summary>
internal sealed record EnsureRoute(KernelRoute Route) : Step
{
    public override string Id => $"route:{Route.Destination}";

    public override string Description => $"route {Route}";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var routes = context.Network.RoutesTo(Route.Destination);
        return routes.Any(Route.IsSatisfiedBy) ? ProbeResult.Present
            : routes.Count > 0 ? ProbeResult.Different($"now {routes[0]}")
            : ProbeResult.Absent();
    }

    public override Undo PrepareUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RevertRoute(Route, context.Network.RoutesTo(Route.Destination).FirstOrDefault(r => !Route.IsSatisfiedBy(r)));
    }

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = Expect<RevertRoute>(undo);
        context.Network.ReplaceRoute(Route);
    }

    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Network.RoutesTo(Route.Destination).Any(Route.IsSatisfiedBy) ? new RevertRoute(Route, null) : null;
    }
}

/// <summary>Deletes the route; puts back the route to the same destination that it replaced.</summary>
internal sealed record RevertRoute(KernelRoute Route, KernelRoute? Replaced) : Undo
{
    public override string Describe() => $"delete route {Route}" + (Replaced is { } r ? $", restore {r}" : "");

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var network = context.Network;
        var routes = network.RoutesTo(Route.Destination);
        var done = new List<string>();
        if (routes.FirstOrDefault(Route.IsSatisfiedBy) is { } ours)
        {
            network.DeleteRoute(ours);
            done.Add($"deleted {ours}");
        }

        if (Replaced is { } replaced && !routes.Any(replaced.IsSatisfiedBy))
        {
            network.ReplaceRoute(replaced);
            done.Add($"restored {replaced}");
        }

        return done.Count > 0 ? UndoOutcome.Reverted(string.Join(", ", done)) : UndoOutcome.NothingToDo();
    }
}
