namespace Sixgill.Machine;

/// <summary>One changing Sixgill at a time per node.</summary>
internal interface IRunLock
{
    /// <summary>Takes the lock until the result is disposed; throws <see cref="LockHeldException"/> when another run holds it.</summary>
    IDisposable Acquire();
}
