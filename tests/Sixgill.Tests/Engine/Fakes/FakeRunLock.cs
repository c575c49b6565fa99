using Sixgill.Machine;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>A lock another run may hold (<see cref="HeldBy"/>), with the same failure as the real one.</summary>
internal sealed class FakeRunLock : IRunLock
{
    public int? HeldBy { get; set; }

    public IDisposable Acquire()
    {
        if (HeldBy is { } pid)
        {
            throw new LockHeldException("/var/lib/sixgill/lock", pid);
        }

        HeldBy = Environment.ProcessId;
        return new Release(this);
    }

    private sealed class Release(FakeRunLock owner) : IDisposable
    {
        public void Dispose() => owner.HeldBy = null;
    }
}
