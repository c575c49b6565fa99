using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

/// <summary>Fakes for exercising one step by hand: prepare its undo, apply, revert.</summary>
internal sealed class StepTestNode
{
    public FakeNetwork Network { get; } = new FakeNetwork().WithLink("eth0", true, "fe80::1/64");

    public FakeFiles Files { get; } = new FakeFiles().WithDirectory("/etc").WithDirectory("/var/lib/sixgill");

    public FakeSysctl Sysctl { get; } = new FakeSysctl().With("net.ipv6.conf.all.forwarding", "0");

    public StepContext Context => new(Network, Files, Sysctl, "/var/lib/sixgill/backups");

    /// <summary>Prepares the undo, applies, and hands the undo back, as the executor would.</summary>
    public Undo Apply(Step step)
    {
        var undo = step.PrepareUndo(Context);
        step.Apply(Context, undo);
        return undo;
    }

    public string Snapshot() => Network.Snapshot() + Files.Snapshot() + Sysctl.Snapshot();
}
