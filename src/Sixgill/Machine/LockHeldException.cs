namespace Sixgill.Machine;

/// <summary>Another Sixgill holds the state lock (exit 3).</summary>
internal sealed class LockHeldException : PreconditionFailedException
{
    public LockHeldException(string lockPath, int? holderPid)
        : base(holderPid is { } pid
            ? $"another sixgill (pid {pid}) is changing this node (lock {lockPath}); wait for it to finish"
            : $"another sixgill is changing this node (lock {lockPath}); wait for it to finish")
    {
        LockPath = lockPath;
        HolderPid = holderPid;
    }

    public string LockPath { get; }

    /// <summary>The pid the holder wrote into the lock file; null when it had not written it yet.</summary>
    public int? HolderPid { get; }
}
