using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>
/// A kernel module loaded now (<c>modprobe MODULE</c>), told present by a file it brings — for
/// <c>br_netfilter</c> the <c>net.bridge.bridge-nf-call-*</c> sysctls of this network namespace. Loading it
/// at boot is a separate <see cref="EnsureFile"/> in <c>/etc/modules-load.d</c>. Planned only where the
/// module is not built into the kernel (<c>Planning/BridgeNetfilter</c>).
/// </summary>
/// <param name="Marker">A file under <c>/proc/sys/net</c> that exists exactly while the module is loaded.</param>
internal sealed record EnsureKernelModule(string Module, string Marker) : Step
{
    public const string Loader = "modprobe";

    public override string Id => $"module:{Module}";

    public override string Description => $"kernel module {Module} loaded";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Files.Stat(Marker) is not null)
        {
            return ProbeResult.Present;
        }

        // Found out before anything changes: the engine probes every step first.
        if (context.RequireServices().Programs.Find(Loader) is null)
        {
            throw new PreconditionFailedException($"{Module} is not loaded and {Loader} is not installed to load it: apt-get install -y kmod");
        }

        return ProbeResult.Absent($"{Marker} does not exist");
    }

    public override Undo PrepareUndo(StepContext context) => new UnloadKernelModule(Module, Marker);

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = Expect<UnloadKernelModule>(undo);
        context.RequireServices().Programs.Run([Loader, Module]).EnsureSuccess();
    }

    // Without a journal nothing tells a module Sixgill loaded from one that was loaded anyway: leave it.
    public override Undo? FindUndo(StepContext context) => null;
}

/// <summary>
/// <c>modprobe -r MODULE</c> for a module Sixgill loaded. A module still in use (a bridge of someone
/// else's, a firewall that needs it) stays loaded and is reported as left alone.
/// </summary>
internal sealed record UnloadKernelModule(string Module, string Marker) : Undo
{
    public override string Describe() => $"modprobe -r {Module}";

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Files.Stat(Marker) is null)
        {
            return UndoOutcome.NothingToDo($"{Module} is not loaded");
        }

        var result = context.RequireServices().Programs.Run([EnsureKernelModule.Loader, "-r", Module]);
        return result.Succeeded
            ? UndoOutcome.Reverted($"unloaded {Module}")
            : UndoOutcome.LeftAlone($"{Module} stays loaded: modprobe -r said {result.StandardError.Trim()}");
    }
}
