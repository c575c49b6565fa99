namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// Simulates kill -9 for the fakes: after a set number of changes (host changes and journal saves
/// alike) every further call fails, as if the process were gone. State made so far stays, exactly
/// as a crash leaves it; <see cref="Revive"/> plays the next process.
/// </summary>
internal sealed class Doom
{
    private int changesLeft = int.MaxValue;

    public bool IsDead { get; private set; }

    /// <summary>How many changes happened in all (to size crash-point theories).</summary>
    public int Changes { get; private set; }

    public void DieAfter(int changes) => changesLeft = changes;

    public void Revive()
    {
        IsDead = false;
        changesLeft = int.MaxValue;
    }

    /// <summary>Called before every read: a dead process reads nothing.</summary>
    public void Check()
    {
        if (IsDead)
        {
            throw new ProcessDiedException();
        }
    }

    /// <summary>Called before every change: the change happens only while the process lives.</summary>
    public void Change()
    {
        Check();
        if (changesLeft-- <= 0)
        {
            IsDead = true;
            throw new ProcessDiedException();
        }

        Changes++;
    }
}

internal sealed class ProcessDiedException() : Exception("the process died (simulated kill -9)");
